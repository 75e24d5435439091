// Every kernel in tests/kernels/errors/ lists the diagnostics `lomaw check` must print, each as
// `# ERROR: LINE:COL code` or `# WARNING: LINE:COL code`; exactly those must appear, and the
// exit code is 1 when any error is expected, 0 otherwise.
#include <algorithm>

#include <gtest/gtest.h>

#include "CorpusNames.h"
#include "KernelDirectives.h"
#include "Process.h"

namespace lomaw::test {
namespace {

std::string show(const std::vector<ExpectedDiagnostic>& ds) {
    std::string s;
    for (const auto& d : ds)
        s += "  " + d.severity + " " + std::to_string(d.line) + ":" + std::to_string(d.col) + " " + d.code + "\n";
    return s;
}

class DiagnosticCorpus : public testing::TestWithParam<std::string> {};

TEST_P(DiagnosticCorpus, ReportsExactlyTheListedDiagnostics) {
    const std::string path = GetParam();
    std::vector<ExpectedDiagnostic> expected = parseExpectedDiagnostics(readFile(path));
    ASSERT_FALSE(expected.empty()) << path << " lists no ERROR/WARNING directive";
    ProcessResult r = lomaw({"check", path});
    std::vector<ExpectedDiagnostic> actual = parsePrintedDiagnostics(r.out);
    EXPECT_EQ(actual, expected) << "expected:\n" << show(expected) << "got:\n" << show(actual)
                                << "output:\n" << r.out << r.err;
    bool anyError = std::any_of(expected.begin(), expected.end(),
                                [](const ExpectedDiagnostic& d) { return d.severity == "error"; });
    EXPECT_EQ(r.exitCode, anyError ? 1 : 0);
    EXPECT_EQ(r.err, "") << "check prints diagnostics on stdout only";
}

INSTANTIATE_TEST_SUITE_P(Errors, DiagnosticCorpus,
                         testing::ValuesIn(kernelFiles(LOMAW_TEST_KERNELS "/errors")), corpusTestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DiagnosticCorpus);

}  // namespace
}  // namespace lomaw::test
