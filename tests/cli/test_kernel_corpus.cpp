// Every kernel in tests/kernels/run/ and examples/ is compiled and called through `lomaw run` with the inputs
// of its RUN directives; the printed JSON must match its EXPECT directive (numbers computed
// by hand, compared with a float32 tolerance), and the exit code its EXIT directive.
#include <gtest/gtest.h>

#include "CorpusNames.h"
#include "JsonCompare.h"
#include "KernelDirectives.h"
#include "Process.h"

namespace lomaw::test {
namespace {

class KernelCorpus : public testing::TestWithParam<std::string> {};

TEST_P(KernelCorpus, RunsWithExpectedResults) {
    const std::string path = GetParam();
    std::vector<RunCase> cases = parseRunCases(readFile(path));
    ASSERT_FALSE(cases.empty()) << path << " has no RUN directive";
    for (const RunCase& c : cases) {
        SCOPED_TRACE(path + ":" + std::to_string(c.line) + ": RUN " + c.function + " " + c.argsJson);
        std::vector<std::string> args{"run", path, c.function};
        if (!c.argsJson.empty()) args.insert(args.end(), {"--args", c.argsJson});
        if (c.threads >= 0) args.insert(args.end(), {"--threads", std::to_string(c.threads)});
        if (c.checkBounds) args.push_back("--check-bounds");
        ProcessResult r = lomaw(args);
        EXPECT_EQ(r.exitCode, c.exitCode) << "stderr: " << r.err;
        for (std::string s : c.stderrContains) {
            if (size_t at = s.find("$FILE"); at != std::string::npos) s.replace(at, 5, path);  // as given to lomaw
            EXPECT_NE(r.err.find(s), std::string::npos) << r.err;
        }
        if (c.exitCode != 0) {
            EXPECT_EQ(r.out, "") << "stdout must stay empty on failure";
            continue;
        }
        ASSERT_FALSE(c.expectJson.empty()) << "RUN without EXPECT";
        nlohmann::json expected = nlohmann::json::parse(c.expectJson, nullptr, false);
        ASSERT_FALSE(expected.is_discarded()) << "bad EXPECT JSON";
        ASSERT_FALSE(r.out.empty()) << r.err;
        EXPECT_EQ(r.out.back(), '\n');
        nlohmann::json actual = nlohmann::json::parse(r.out, nullptr, false);
        ASSERT_FALSE(actual.is_discarded()) << "lomaw printed invalid JSON: " << r.out;
        EXPECT_EQ(compareJson(expected, actual), "") << r.out;
    }
}

INSTANTIATE_TEST_SUITE_P(Run, KernelCorpus,
                         testing::ValuesIn(kernelFiles(LOMAW_TEST_KERNELS "/run")), corpusTestName);
// The examples carry RUN directives too: every example runs, with the numbers its comments derive.
INSTANTIATE_TEST_SUITE_P(Examples, KernelCorpus, testing::ValuesIn(kernelFiles(LOMAW_EXAMPLES)), corpusTestName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(KernelCorpus);

}  // namespace
}  // namespace lomaw::test
