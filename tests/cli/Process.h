// Runs a command (argv, no shell) and captures exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace lomaw::test {

struct ProcessResult {
    int exitCode = -1;    // -1 when killed by a signal
    int signal = 0;
    std::string out;
    std::string err;
};

ProcessResult runProcess(const std::vector<std::string>& argv, const std::string& stdinText = "");

// runProcess({LOMAW_CLI, args...})
ProcessResult lomaw(const std::vector<std::string>& args);

}  // namespace lomaw::test
