// `lomaw run FILE FUNC --batch B.json` (docs/cli.md): every argument list of B called in one
// process, printed as a JSON list whose element i is what `--args SET_i` prints. Expected values by
// hand.
#include <fstream>
#include <memory>

#include <gtest/gtest.h>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

const char* kKernel =
    "def g(x : In[float], y : In[float], s : Out[float]) -> float:\n"
    "    s = x + y\n"
    "    return x * x + 3.0 * y\n"
    "\n"
    "def idiv(a : In[int], b : In[int]) -> int:\n"
    "    return a / b\n"
    "\n"
    "def bump(a : Out[Array[float]], v : In[float]) -> float:\n"
    "    a[0] = a[0] + v\n"
    "    return a[0]\n";

class RunBatch : public ::testing::Test {
protected:
    // One kernel file for the whole suite: one path, so one build serves every test.
    static void SetUpTestSuite() { kernel_ = std::make_unique<TempKernel>(kKernel); }
    static void TearDownTestSuite() { kernel_.reset(); }

    static ProcessResult batch(const std::string& function, const std::string& json,
                               std::vector<std::string> more = {}) {
        std::string path = kernel_->path() + "." + function + ".batch.json";
        std::ofstream(path) << json;
        std::vector<std::string> args{"run", kernel_->path(), function, "--batch", path};
        args.insert(args.end(), more.begin(), more.end());
        return lomaw(args);
    }
    static inline std::unique_ptr<TempKernel> kernel_;
};

TEST_F(RunBatch, EverySetIsCalledAndPrintedAsRunPrintsIt) {
    // g(1, 2) = 1 + 6 = 7, s = 3; g(-0.5, 0.25) = 0.25 + 0.75 = 1, s = -0.25; g(3, -1) = 9 - 3 = 6, s = 2.
    ProcessResult r = batch("g", "[[1.0, 2.0, 0.0], [-0.5, 0.25, 7.0], [3.0, -1.0, 0.0]]");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out,
              "[{\"return\": 7, \"args\": [1, 2, 3]},\n"
              " {\"return\": 1, \"args\": [-0.5, 0.25, -0.25]},\n"
              " {\"return\": 6, \"args\": [3, -1, 2]}]\n");
    EXPECT_EQ(r.err, "");
    ProcessResult one = lomaw({"run", kernel_->path(), "g", "--args", "[-0.5, 0.25, 7.0]"});
    EXPECT_EQ(one.out, "{\"return\": 1, \"args\": [-0.5, 0.25, -0.25]}\n");
    // Each set gets its own memory: what the first call wrote into a[0] is not seen by the second
    // (1 + 2 = 3, then 10 + 0.5 = 10.5).
    ProcessResult fresh = batch("bump", "[[[1.0], 2.0], [[10.0], 0.5]]");
    ASSERT_EQ(fresh.exitCode, 0) << fresh.err;
    EXPECT_EQ(fresh.out, "[{\"return\": 3, \"args\": [[3], 2]},\n {\"return\": 10.5, \"args\": [[10.5], 0.5]}]\n");
    EXPECT_EQ(batch("g", "[]").out, "[]\n");
}

TEST_F(RunBatch, ARuntimeErrorNamesTheSetAndPrintsNoResults) {
    // 6 / 3 and 7 / 2 are fine; set 2 divides by zero.
    ProcessResult r = batch("idiv", "[[6, 3], [7, 2], [1, 0], [4, 2]]");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "lomaw: runtime error: input set 2: integer division by zero\n");
}

TEST_F(RunBatch, BadSetsAndOptionsAreUsageErrors) {
    ProcessResult bad = batch("g", "[[1.0, 2.0, 0.0], [1.0, \"x\", 0.0]]");
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.out, "");
    EXPECT_EQ(bad.err, "lomaw: error: input set 1: argument 2 (y): expected a number for float, got \"x\"\n");
    ProcessResult notList = batch("g", "{\"x\": 1}");
    EXPECT_EQ(notList.exitCode, 2);
    EXPECT_EQ(notList.err, "lomaw: error: --batch: expected a list of argument lists\n");
    ProcessResult both = batch("g", "[]", {"--args", "[1.0, 2.0, 0.0]"});
    EXPECT_EQ(both.exitCode, 2);
    EXPECT_EQ(both.err.rfind("lomaw: error: --args excludes --batch\n", 0), 0u) << both.err;
    ProcessResult missing = lomaw({"run", kernel_->path(), "g", "--batch", "/nonexistent/b.json"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.err.rfind("lomaw: error: cannot read /nonexistent/b.json: ", 0), 0u) << missing.err;
}

}  // namespace
}  // namespace lomaw::test
