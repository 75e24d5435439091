// `--check-bounds` (docs/language.md §10.6) through the binary: an index outside the array is
// exit 3 with `index I out of bounds for 'NAME' (size N) at FILE:LINE:COL`, for sizes passed as
// JSON (parameters, nested lists, struct members), declared sizes (a local Array[float, 3]) and
// derivative arrays; run, descend, mpirun, gradcheck and optimize. Positions are those of the index expression,
// counted by hand in kBounds below (columns from 1).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

const char* kBounds =
    "class Body:\n"                                                // 1
    "    n : int\n"                                               // 2
    "    pos : Array[float]\n"                                    // 3
    "\n"                                                          // 4
    "def twelfth(a : In[Array[float]]) -> float:\n"               // 5
    "    return a[12]\n"                                          // 6  `12` at column 14
    "\n"                                                          // 7
    "def pick(a : In[Array[float]], i : In[int]) -> float:\n"     // 8
    "    return a[i] + 1.0\n"                                     // 9  `i` at column 14
    "\n"                                                          // 10
    "def local(i : In[int]) -> float:\n"                          // 11
    "    b : Array[float, 3]\n"                                   // 12
    "    b[0] = 5.0\n"                                            // 13
    "    return b[i]\n"                                           // 14 `i` at column 14
    "\n"                                                          // 15
    "def member(s : In[Body], i : In[int]) -> float:\n"           // 16
    "    return s.pos[i]\n"                                       // 17 `i` at column 18
    "\n"                                                          // 18
    "def cell(m : In[Array[Array[float]]], i : In[int], j : In[int]) -> float:\n"  // 19
    "    return m[i][j]\n"                                        // 20 `i` at 14, `j` at 17
    "\n"                                                          // 21
    "def store(a : Out[Array[float]], i : In[int]):\n"            // 22
    "    a[i] = 2.0\n"                                            // 23 `i` at column 7
    "\n"
    "d_pick = rev_diff(pick)\n";

ProcessResult checkedRun(const TempKernel& k, const std::string& function, const std::string& args) {
    return lomaw({"run", k.path(), function, "--args", args, "--check-bounds"});
}

std::string outOfBounds(const std::string& what, const TempKernel& k, const std::string& lineCol) {
    return "lomaw: runtime error: " + what + " at " + k.path() + ":" + lineCol + "\n";
}

// `run --check-bounds` of `function` stops with exit 3, nothing on stdout and exactly this error.
void expectOutOfBounds(const TempKernel& k, const std::string& function, const std::string& args,
                       const std::string& what, const std::string& lineCol) {
    ProcessResult r = checkedRun(k, function, args);
    EXPECT_EQ(r.exitCode, 3) << function << " " << args;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, outOfBounds(what, k, lineCol));
}

// `run --check-bounds` of `function` in range prints exactly `result`.
void expectResult(const TempKernel& k, const std::string& function, const std::string& args, const std::string& result) {
    ProcessResult r = checkedRun(k, function, args);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, result + "\n");
}

TEST(CheckBounds, ConstantIndexBeyondAJsonArray) {
    TempKernel k(kBounds);
    expectOutOfBounds(k, "twelfth", "[[1.0, 2.0, 3.0]]", "index 12 out of bounds for 'a' (size 3)", "6:14");
}

TEST(CheckBounds, NegativeIndexAndTheLastValidOne) {
    TempKernel k(kBounds);
    expectOutOfBounds(k, "pick", "[[1.0, 2.0, 3.0], -1]", "index -1 out of bounds for 'a' (size 3)", "9:14");
    expectOutOfBounds(k, "pick", "[[1.0, 2.0, 3.0], 3]", "index 3 out of bounds for 'a' (size 3)", "9:14");
    // a[2] + 1 = 4, the same with and without the checks.
    ProcessResult checked = checkedRun(k, "pick", "[[1.0, 2.0, 3.0], 2]");
    ProcessResult plain = lomaw({"run", k.path(), "pick", "--args", "[[1.0, 2.0, 3.0], 2]"});
    ASSERT_EQ(checked.exitCode, 0) << checked.err;
    EXPECT_EQ(checked.out, "{\"return\": 4, \"args\": [[1, 2, 3], 2]}\n");
    EXPECT_EQ(checked.out, plain.out);
}

TEST(CheckBounds, DeclaredSizeOfALocalArray) {
    TempKernel k(kBounds);
    expectOutOfBounds(k, "local", "[3]", "index 3 out of bounds for 'b' (size 3)", "14:14");
    expectResult(k, "local", "[0]", "{\"return\": 5, \"args\": [0]}");
}

TEST(CheckBounds, ArrayInAStructAndNestedLists) {
    TempKernel k(kBounds);
    expectOutOfBounds(k, "member", "[{\"n\": 2, \"pos\": [1.5, 2.5]}, 2]", "index 2 out of bounds for 's.pos' (size 2)", "17:18");
    // A ragged list of lists: row 1 has one element, so m[1][1] is outside that row.
    expectOutOfBounds(k, "cell", "[[[1.0, 2.0], [3.0]], 1, 1]", "index 1 out of bounds for 'm[i]' (size 1)", "20:17");
    expectOutOfBounds(k, "cell", "[[[1.0, 2.0], [3.0]], 2, 0]", "index 2 out of bounds for 'm' (size 2)", "20:14");
    expectResult(k, "cell", "[[[1.0, 2.0], [3.0]], 0, 1]", "{\"return\": 2, \"args\": [[[1, 2], [3]], 0, 1]}");
}

TEST(CheckBounds, WritesAndDerivativeArrays) {
    TempKernel k(kBounds);
    expectOutOfBounds(k, "store", "[[0.0, 0.0], 5]", "index 5 out of bounds for 'a' (size 2)", "23:7");
    // d_pick(a, _da, i, _di, _dreturn) adds _dreturn into _da[i]: a 2-element _da for i = 2 is
    // caught at the primal's index; with 3 elements _da[2] = 1.
    expectOutOfBounds(k, "d_pick", "[[1.0, 2.0, 3.0], [0.0, 0.0], 2, 0, 1.0]", "index 2 out of bounds for '_da' (size 2)", "9:14");
    expectResult(k, "d_pick", "[[1.0, 2.0, 3.0], [0.0, 0.0, 0.0], 2, 0, 1.0]", "{\"return\": null, \"args\": [[1, 2, 3], [0, 0, 1], 2, 0, 1]}");
}

// The checked and the unchecked build are different libraries (the cache key is the C text): the
// unchecked one reads the zeroed padding after a[2] (a[3] + 1 = 1), the checked one stops.
TEST(CheckBounds, CheckedAndUncheckedBuildsAreCachedApart) {
    TempKernel k(kBounds);
    ProcessResult plain = lomaw({"run", k.path(), "pick", "--args", "[[1.0, 2.0, 3.0], 3]"});
    ASSERT_EQ(plain.exitCode, 0) << plain.err;
    EXPECT_EQ(plain.out, "{\"return\": 1, \"args\": [[1, 2, 3], 3]}\n");
    EXPECT_EQ(checkedRun(k, "pick", "[[1.0, 2.0, 3.0], 3]").exitCode, 3);
}

TEST(CheckBounds, DescendStopsAtTheFirstBadAccess) {
    TempKernel k(kBounds);
    for (const char* grad : {"rev", "fwd"}) {
        ProcessResult r = lomaw({"descend", k.path(), "pick", "--init", "[[1.0, 2.0, 3.0], 4]", "--grad", grad,
                                 "--steps", "1", "--check-bounds"});
        EXPECT_EQ(r.exitCode, 3) << grad;
        EXPECT_EQ(r.err, outOfBounds("index 4 out of bounds for 'a' (size 3)", k, "9:14")) << grad;
    }
    // In range: pick = a[1] + 1 has gradient 1 for a[1]: 2 - 0.5 = 1.5 after one step of lr 0.5.
    ProcessResult ok = lomaw({"descend", k.path(), "pick", "--init", "[[1.0, 2.0, 3.0], 1]", "--lr", "0.5", "--steps",
                              "1", "--check-bounds"});
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_NE(ok.out.find("\"args\": [[1, 1.5, 3], 1]"), std::string::npos) << ok.out;
}

TEST(CheckBounds, MpirunNamesRankAndSet) {
    TempKernel k(kBounds);
    const std::string batch = (std::filesystem::path(k.path()).parent_path() / "batch.json").string();
    std::ofstream(batch) << "[[[1.0, 2.0, 3.0], 0], [[1.0, 2.0, 3.0], 7]]";
    // Two sets over two workers: set 1 is the second worker's, rank 2 (the driver is rank 0).
    ProcessResult r = lomaw({"mpirun", k.path(), "pick", "--workers", "2", "--batch", batch, "--check-bounds"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("lomaw: runtime error: worker rank 2: input set 1: index 7 out of bounds for 'a' (size 3) at " +
                         k.path() + ":9:14\n"),
              std::string::npos)
        << r.err;
}

// gradcheck and optimize take the option too: every call of gradcheck (primal, forward, reverse)
// and the optimize workers, against the JSON sizes (here the parameter list of --init).
const char* kFits =
    "def sq(a : In[Array[float]], i : In[int]) -> float:\n"              // 1
    "    return a[i] * a[i]\n"                                           // 2 `i` at column 14
    "\n"                                                                 // 3
    "def line(p : In[Array[float]], x : In[Array[float]], y : In[Array[float]], n : In[int],\n"  // 4
    "         grad : Out[Array[float]]) -> float:\n"                     // 5
    "    loss : float = 0.0\n"                                           // 6
    "    r : float\n"                                                    // 7
    "    for k in range(n):\n"                                           // 8
    "        r = p[0] * x[k] + p[n - n + 1] - y[k]\n"                    // 9 computed, so only checked at run time; `+` of `n - n + 1` at column 35
    "        loss = loss + r * r\n"                                      // 10
    "        grad[0] = grad[0] + 2.0 * r * x[k]\n"                       // 11
    "        grad[n - n + 1] = grad[n - n + 1] + 2.0 * r\n"              // 12
    "    return loss\n";                                                  // 13

TEST(CheckBounds, GradcheckChecksEveryCall) {
    TempKernel k(kFits);
    ProcessResult r = lomaw({"gradcheck", k.path(), "sq", "--args", "[[1.0, 2.0, 3.0], 3]", "--check-bounds"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, outOfBounds("index 3 out of bounds for 'a' (size 3)", k, "2:14"));
    // In range: d(a[1]^2)/da = (0, 2 a[1], 0) = (0, 4, 0) in both modes.
    ProcessResult ok = lomaw({"gradcheck", k.path(), "sq", "--args", "[[1.0, 2.0, 3.0], 1]", "--json", "--check-bounds"});
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    nlohmann::json rows = nlohmann::json::parse(ok.out)["rows"];
    ASSERT_EQ(rows.size(), 3u);
    for (size_t c = 0; c < 3; ++c) {
        EXPECT_EQ(rows[c]["forward"].get<double>(), c == 1 ? 4.0 : 0.0) << c;
        EXPECT_EQ(rows[c]["reverse"].get<double>(), c == 1 ? 4.0 : 0.0) << c;
    }
}

TEST(CheckBounds, OptimizeChecksTheParametersOnTheWorkers) {
    TempKernel k(kFits);
    const std::string data = (std::filesystem::path(k.path()).parent_path() / "data.json").string();
    std::ofstream(data) << "[[1.0, 2.0], [3.0, 6.0]]";
    // --init with one parameter where line reads two: p[1] is outside on the (only) worker, rank 1.
    ProcessResult r = lomaw({"optimize", k.path(), "line", "--init", "[1.0]", "--data", data, "--steps", "1",
                             "--workers", "1", "--check-bounds"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, outOfBounds("worker rank 1: step 0: index 1 out of bounds for 'p' (size 1)", k, "9:35"));
    // Two parameters, one step of lr 0.01 from (1, 0): residuals r = 1 - 3 = -2, 2 - 6 = -4, loss
    // 4 + 16 = 20; gradient (2(-2)(1) + 2(-4)(2), 2(-2) + 2(-4)) = (-20, -12) -> (1.2, 0.12).
    ProcessResult ok = lomaw({"optimize", k.path(), "line", "--init", "[1.0, 0.0]", "--data", data, "--steps", "1",
                              "--lr", "0.01", "--workers", "1", "--check-bounds"});
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    nlohmann::json last = nlohmann::json::parse(ok.out);
    EXPECT_NEAR(last["params"][0].get<double>(), 1.2, 1e-6) << ok.out;
    EXPECT_NEAR(last["params"][1].get<double>(), 0.12, 1e-6) << ok.out;
}

}  // namespace
}  // namespace lomaw::test
