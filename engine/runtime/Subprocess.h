// Runs a program (the C compiler) to completion and captures what it prints. posix_spawn rather
// than fork so it is safe from a multi-threaded caller (the GUI runs the engine off its UI thread).
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
};

// argv[0] is the program path (not searched on PATH).
ProcessResult runProcess(const std::vector<std::string>& argv);

}  // namespace lomaw::runtime
