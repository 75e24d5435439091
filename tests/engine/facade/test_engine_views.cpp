// One compile per analysis (issue 14, item 8): compileKernel parses, checks and differentiates
// once, and every view, the scopes and the tape report come from that one result.
#include <gtest/gtest.h>

#include "EngineScopes.h"
#include "EngineTapes.h"
#include "EngineViews.h"

namespace lomaw {
namespace {

// A parallel loop, a forward derivative declared before the function (its C comes first in the
// unit, with the same pragma line) and a reverse derivative of a while loop.
const char* kKernel =
    "d_scale = fwd_diff(scale)\n"                                          // 1
    "\n"                                                                   // 2
    "def scale(u : In[Array[float]], v : Out[Array[float]], n : In[int]):\n"  // 3
    "    #pragma omp parallel for\n"                                       // 4
    "    for i in range(n):\n"                                             // 5
    "        v[i] = 2.0 * u[i]\n"                                          // 6
    "\n"                                                                   // 7
    "def root(a : In[float]) -> float:\n"                                  // 8
    "    x : float = a\n"                                                  // 9
    "    i : int = 0\n"                                                    // 10
    "    while (i < 8, max_iter := 8):\n"                                  // 11
    "        x = 0.5 * (x + a / x)\n"                                      // 12
    "        i = i + 1\n"                                                  // 13
    "    return x\n"                                                       // 14
    "\n"
    "r_root = rev_diff(root)\n";

TEST(EngineViews, EveryViewComesFromOneFrontEndRun) {
    const SourceFile file{"views.py", kKernel};
    const unsigned long long before = frontEndRuns();
    const CompiledKernel kernel = compileKernel(file);
    ASSERT_TRUE(kernel.ok);
    for (Stage s : {Stage::Diff, Stage::C, Stage::Omp, Stage::MpiParent, Stage::MpiChild})
        EXPECT_TRUE(generateView(kernel, s, {"root"}).ok) << stageNames()[size_t(s)];
    ASSERT_EQ(kernel.parallelLoops().size(), 1u);
    EXPECT_EQ(kernel.parallelLoops()[0].scopes.line, 5);
    const TapesOutput tapes = tapesOf(kernel);
    ASSERT_EQ(tapes.report.derivatives.size(), 1u);
    EXPECT_EQ(tapes.report.derivatives[0].derivative, "r_root");
    EXPECT_EQ(frontEndRuns() - before, 1u);

    // The same texts as the one-call facade (which compiles per call).
    for (Stage s : {Stage::Diff, Stage::C, Stage::Omp})
        EXPECT_EQ(generateView(kernel, s).code.text, Engine().generate(file, s).code.text) << stageNames()[size_t(s)];
    EXPECT_EQ(tapes.text, analyseTapes(file).text);
}

TEST(EngineViews, ScopeCommentSitsOnTheWrittenLoopNotOnTheDerivativeBeforeIt) {
    const CompiledKernel kernel = compileKernel({"views.py", kKernel});
    ASSERT_TRUE(kernel.ok);
    const std::string omp = generateView(kernel, Stage::Omp).code.text;
    const std::string comment = "/* OpenMP scopes of the parallel loop at line 5";
    const size_t at = omp.find(comment);
    ASSERT_NE(at, std::string::npos) << omp;
    EXPECT_EQ(omp.find(comment, at + 1), std::string::npos);  // once
    // d_scale comes first in the unit; the comment is in scale, right above its directive.
    const size_t derivative = omp.find("void d_scale(_dfloat* u, _dfloat* v, int n) {");
    const size_t primal = omp.find("void scale(float* u, float* v, int n) {");
    ASSERT_NE(derivative, std::string::npos);
    ASSERT_LT(derivative, primal);
    EXPECT_GT(at, primal);
    const size_t end = omp.find(" */\n", at);
    EXPECT_EQ(omp.compare(end + 4, 15, "#ifdef _OPENMP\n"), 0) << omp.substr(at, end + 40 - at);
    // Otherwise the unit is the C stage's: take the comment block out and compare.
    std::string stripped = omp;
    const size_t lineStart = stripped.rfind('\n', at) + 1;
    stripped.erase(lineStart, end + 4 - lineStart);
    EXPECT_EQ(stripped, generateView(kernel, Stage::C).code.text);
}

TEST(EngineViews, AKernelWithErrorsHasDiagnosticsAndNoViews) {
    const CompiledKernel kernel = compileKernel({"bad.py", "def f(x : In[float]) -> float:\n    return y\n"});
    EXPECT_FALSE(kernel.ok);
    ASSERT_EQ(kernel.diagnostics.size(), 1u);
    EXPECT_EQ(kernel.diagnostics[0].code, "undeclared-variable");
    const EmitOutput c = generateView(kernel, Stage::C);
    EXPECT_FALSE(c.ok);
    EXPECT_TRUE(c.code.text.empty());
    EXPECT_EQ(c.diagnostics.size(), 1u);
    EXPECT_TRUE(kernel.parallelLoops().empty());
}

}  // namespace
}  // namespace lomaw
