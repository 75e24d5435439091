// The directives kernel test files carry in comments (see tests/kernels/README.md).
#pragma once

#include <string>
#include <vector>

namespace lomaw::test {

struct RunCase {
    int line = 0;                  // of the RUN directive
    std::string function;
    std::string argsJson;          // "" when the function takes no parameters
    int threads = -1;              // --threads, -1 when absent
    bool checkBounds = false;      // --check-bounds
    std::string expectJson;        // "" when no EXPECT
    int exitCode = 0;
    std::vector<std::string> stderrContains;
};

struct ExpectedDiagnostic {
    std::string severity;          // "error" / "warning"
    int line = 0;
    int col = 0;
    std::string code;
    bool operator<(const ExpectedDiagnostic& o) const;
    bool operator==(const ExpectedDiagnostic& o) const = default;
};

std::string readFile(const std::string& path);
std::vector<std::string> kernelFiles(const std::string& dir, bool recursive = false);
std::vector<RunCase> parseRunCases(const std::string& text);
std::vector<ExpectedDiagnostic> parseExpectedDiagnostics(const std::string& text);
// Diagnostics printed by `lomaw check` (first line of each: FILE:L:C: sev: msg [code]).
std::vector<ExpectedDiagnostic> parsePrintedDiagnostics(const std::string& output);

}  // namespace lomaw::test
