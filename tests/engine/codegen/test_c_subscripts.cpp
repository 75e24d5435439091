// Subscripts that combine several variables, or multiply one, compute their + - * in 64 bits (CExprEmitter.cpp,
// subscript()): the text of each form, and that the element read is the one int arithmetic
// names whenever the index's true value is an int.
#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

constexpr const char* kForms = R"(
def twice(i : In[int]) -> int:
    return 2 * i

def forms(x : In[Array[float]], a : In[Array[int]], i : In[int], j : In[int], m : In[int]) -> float:
    s : float = x[i * m + j]
    s = s + x[i + j]
    s = s + x[i + 1]
    s = s + x[2 * i + 1]
    s = s + x[a[i] * m + j]
    s = s + x[twice(i * m) + j]
    s = s + x[i / 2 * m + j]
    return s
)";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(CSubscripts, SeveralVariablesMakeA64BitIndex) {
    std::string c = emitKernel(kForms);
    EXPECT_TRUE(contains(c, "float s = x[(long)i * m + j];")) << c;
    EXPECT_TRUE(contains(c, "s = s + x[(long)i + j];")) << c;
    // One variable, added to: GCC sees i + 1 step with i, the text stays as written. Multiplied:
    // GCC cannot tell that 2 * i does not wrap.
    EXPECT_TRUE(contains(c, "s = s + x[i + 1];")) << c;
    EXPECT_TRUE(contains(c, "s = s + x[2L * i + 1];")) << c;
    // An element or call among the terms is a term; what is inside it stays int.
    EXPECT_TRUE(contains(c, "s = s + x[(long)a[i] * m + j];")) << c;
    EXPECT_TRUE(contains(c, "s = s + x[(long)twice(i * m) + j];")) << c;
    EXPECT_TRUE(contains(c, "(i, 2) * m + j];")) << c;  // the int division helper's call, then 64 bits
    EXPECT_TRUE(contains(c, "s = s + x[(long)_lw_")) << c;
}

TEST(CSubscripts, BoundsCheckedCodeKeepsIntArithmetic) {
    ast::Module m = typedModule(kForms);
    CEmitOptions options;
    options.checkBounds = true;
    std::string c = emitC(m, options).text;
    EXPECT_TRUE(contains(c, "_lw_bound_at(x, sizeof(float), i * m + j, ")) << c;
    EXPECT_TRUE(contains(c, "_lw_bound_at(x, sizeof(float), i + j, ")) << c;
}

TEST(CSubscripts, TheElementReadIsTheOneIntArithmeticNames) {
    // x[k] = k. Row-major reads, and i * m - k * m where i * m alone (2.5e9) overflows an int
    // but the index (50000) does not: wrapped int arithmetic and 64 bits agree on it.
    auto r = runKernel(R"(
def at(x : In[Array[float]], i : In[int], j : In[int], m : In[int]) -> float:
    return x[i * m + j]

def diff(x : In[Array[float]], i : In[int], k : In[int], m : In[int]) -> float:
    return x[i * m - k * m]
)",
                       R"(#include <stdio.h>
#include <stdlib.h>
float at(float* x, int i, int j, int m);
float diff(float* x, int i, int k, int m);
int main(void) {
    float* x = malloc(60000 * sizeof(float));
    for (int k = 0; k < 60000; ++k) x[k] = (float)k;
    printf("%g %g %g\n", at(x, 2, 3, 10), at(x, 0, 7, 1000), diff(x, 50000, 49999, 50000));
    free(x);
    return 0;
})");
    EXPECT_EQ(r.out, "23 7 50000\n");
}

}  // namespace
}  // namespace lomaw::codegen::test
