// Runs a program (the C compiler) to completion and captures what it prints. The program runs in
// a guarded process group of its own (ChildGroups.h): SIGINT/SIGTERM to the CLI or the CLI's
// death stop it and everything it started in its group, and remove `temporaryPaths`. fork is
// followed only by async-signal-safe calls, so this is safe from a multi-threaded caller.
#pragma once

#include <string>
#include <vector>

namespace lomaw::runtime {

struct ProcessResult {
    bool launched = false;  // false: the program could not be started (launchError says why)
    std::string launchError;
    int exitCode = -1;      // valid when the program exited normally
    int signal = 0;         // non-zero when it was killed by a signal
    std::string output;     // stdout and stderr, interleaved as written
    bool timedOut = false;  // stopped (with its whole process group) when timeoutSeconds expired
};

// argv[0] is the program path (not searched on PATH). `temporaryPaths`: files the program is
// writing (a compiler's output) that a stopped run must not leave behind.
// `timeoutSeconds` > 0: the program's process group is stopped when it runs longer (timedOut).
ProcessResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& temporaryPaths = {},
                         double timeoutSeconds = 0);

}  // namespace lomaw::runtime
