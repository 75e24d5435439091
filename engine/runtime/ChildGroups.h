// Every child program the engine starts for the CLI (the C compiler, mpicc, mpirun) runs in a
// process group of its own under a small guardian process, and is listed, with the temporary
// files that belong to it, in one registry of live child groups:
//
//   lomaw ── guardian (process group P, watches lomaw) ── program (in P: cc, mpirun, ...)
//
// * SIGINT / SIGTERM / SIGHUP to lomaw (installStopHandlers): the handler sends SIGTERM to every
//   registered group, gives them up to a second, SIGKILLs what is left, removes the registered
//   temporary files and directories, then re-raises the signal (lomaw dies of it as before).
// * SIGKILL of lomaw: no handler runs, but each guardian gets PR_SET_PDEATHSIG, then does the
//   same for its own group (SIGTERM, one second, SIGKILL) and removes its temporary paths.
// * The program itself gets PR_SET_PDEATHSIG(SIGKILL) on its guardian, so killing the guardian
//   never leaves the program running.
//
// Processes that leave the group (mpirun starts its children in groups of their own) are reached
// through their own parent-death rules: the MPI driver and workers die with mpirun, remote Open MPI
// daemons when their connection to mpirun closes (docs/mpi.md, "Stopping a run").
//
// Everything the handler and the guardian do after fork is async-signal-safe (kill, waitpid,
// nanosleep, unlinkat, getdents64): they may run in the middle of malloc in a threaded caller.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace lomaw::runtime {

struct GuardedSpawn {
    std::vector<std::string> argv;          // argv[0]: the program path (not searched on PATH)
    const std::vector<std::string>* environment = nullptr;  // nullptr: inherit
    int stdoutFd = -1, stderrFd = -1;       // -1: inherit; stdin is always /dev/null
    std::vector<std::string> temporaryPaths;  // files or directories (removed recursively)
};

// A running guarded child: its guardian's pid, which is also the group id. Registered in the
// stop registry until destroyed; destroying it does not stop the child (call stop() or wait()).
class ChildGroup {
public:
    ChildGroup() = default;
    ChildGroup(const ChildGroup&) = delete;
    ChildGroup& operator=(const ChildGroup&) = delete;
    ~ChildGroup();

    // Starts the program; false with `error` set when it cannot be started (then nothing runs).
    bool start(const GuardedSpawn& spec, std::string& error);
    pid_t pid() const { return pid_; }
    // Waits for the child; returns the wait status (as waitpid: the program's own exit status or
    // signal, mirrored by the guardian). Unregisters.
    int wait();
    // Non-blocking: true (and the status) when the child has ended. Unregisters when it has.
    bool poll(int& status);
    // SIGTERM to the group, up to `graceSeconds` for it to end, then SIGKILL; reaps; unregisters.
    void stop(double graceSeconds);

private:
    void release();
    pid_t pid_ = -1;
    int slot_ = -1;
};

// Temporary paths removed by the stop handler even when no child is running (e.g. a job
// directory being written before mpirun starts). Unregistered when destroyed; the caller still
// removes the paths itself on the normal path.
class TemporaryPaths {
public:
    explicit TemporaryPaths(const std::vector<std::string>& paths);
    TemporaryPaths(const TemporaryPaths&) = delete;
    TemporaryPaths& operator=(const TemporaryPaths&) = delete;
    ~TemporaryPaths();

private:
    int slot_ = -1;
};

// SIGINT, SIGTERM and SIGHUP tear down every registered group and path, then end the process with
// the same signal. Call once, early, from a program's main (the CLI); libraries never install it.
void installStopHandlers();

// Removes a file or a directory tree (async-signal-safe; also used on the normal path).
void removeTree(const char* path);

}  // namespace lomaw::runtime
