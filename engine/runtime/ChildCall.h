// Runs a piece of work in a forked child process so that a crash, abort or exit() in generated
// code cannot take the caller down.
//
// The child writes its result to a pipe (`resultFd`) and returns its exit status; its stderr and
// stdout are captured (stdout is folded into stderr so kernel output never reaches the caller's
// stdout). The parent always reaps the child; the child dies with the parent's thread
// (PR_SET_PDEATHSIG) and is killed with SIGKILL when the optional timeout expires.
#pragma once

#include <functional>
#include <string>

namespace lomaw::runtime {

struct ChildOutcome {
    enum class Kind { Exited, Signaled, TimedOut, StartFailed };
    Kind kind = Kind::StartFailed;
    int exitCode = -1;        // Exited
    int signal = 0;           // Signaled
    std::string result;       // bytes the child wrote to resultFd
    std::string stderrText;   // everything the child wrote to stderr/stdout
    std::string error;        // StartFailed: why
};

// The exit status of a child whose body failed in the engine's own code (not the kernel's): it
// has written an internal-error message to its result pipe.
constexpr int kChildInternalExit = 70;

// What the children of Runner, BatchRunner and DescentRunner write on their result pipe: records
// tagged by their first byte, a result ('O' + JSON) or an internal error ('E' + message).
constexpr char kChildResultTag = 'O';
constexpr char kChildInternalTag = 'E';

// `body` runs in the child only; its return value is the child's exit status (the child ends
// with _exit, never running the caller's atexit handlers). timeoutSeconds <= 0: no limit.
// `onResult`, when set, sees every piece of the result as it arrives (a child that streams
// records, `lomaw descend`); the whole result is in ChildOutcome::result all the same.
ChildOutcome runInChild(const std::function<int(int resultFd)>& body, double timeoutSeconds,
                        const std::function<void(const std::string& piece)>& onResult = {});

// Writes all of `bytes` to `fd` (retrying short writes); false on error.
bool writeAll(int fd, const std::string& bytes);

// In a child body: writes kChildInternalTag + `message` to the result pipe and returns
// kChildInternalExit, the status the body then exits with.
int reportChildInternalError(int resultFd, const std::string& message);

}  // namespace lomaw::runtime
