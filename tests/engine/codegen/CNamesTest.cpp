// Renaming of variables and members (CNames.h) and its effect on generated units.
#include "CodegenTestSupport.h"
#include "codegen/CExprEmitter.h"
#include "codegen/CNames.h"

namespace lomaw::codegen::test {
namespace {

TEST(CNames, KeywordsAndReservedNamesGetATrailingUnderscore) {
    EXPECT_EQ(cVariableName("x"), "x");
    EXPECT_EQ(cVariableName("static"), "static_");
    EXPECT_EQ(cVariableName("static_"), "static__");  // stays distinct from the renamed one
    EXPECT_EQ(cVariableName("static__"), "static___");
    EXPECT_EQ(cVariableName("INFINITY"), "INFINITY_");
    EXPECT_EQ(cVariableName("sinf"), "sinf_");
    EXPECT_EQ(cVariableName("_Bool"), "_Bool_");
    EXPECT_EQ(cVariableName("__x"), "__x_");
    EXPECT_EQ(cVariableName("_lw_t1"), "_lw_t1_");  // the backend's own prefix
    EXPECT_EQ(cVariableName("_n_threads"), "_n_threads_");
    EXPECT_EQ(cVariableName("_dx"), "_dx");  // generated AD names are ordinary
    EXPECT_EQ(cVariableName("f", {"f", "Foo"}), "f_");
    EXPECT_EQ(cVariableName("Foo", {"f", "Foo"}), "Foo_");
    EXPECT_EQ(cMemberName("double"), "double_");
    EXPECT_EQ(cMemberName("sinf"), "sinf");  // members cannot hide functions
    EXPECT_EQ(cMemberName("val"), "val");
}

TEST(CNames, CTypeSpellings) {
    const TypePtr f = Type::floatType();
    EXPECT_EQ(cParamType(*f, false), "float");
    EXPECT_EQ(cParamType(*f, true), "float*");
    EXPECT_EQ(cParamType(*Type::structType("S"), true), "S*");
    EXPECT_EQ(cParamType(*Type::arrayOf(f, 3), false), "float*");
    EXPECT_EQ(cParamType(*Type::arrayOf(Type::arrayOf(f), 0), true), "float**");
    EXPECT_EQ(cValueType(*Type::intType()), "int");
    EXPECT_EQ(cValueType(*Type::structType("_dfloat")), "_dfloat");
}

TEST(CNames, RenamedVariablesAndMembersCompileAndRun) {
    // C keywords as variables/members, a parameter named like a function it calls, a variable
    // named like a struct used as a type after it, and one named like a C math function.
    auto r = runKernel(R"(
class Inner:
    auto : int
    long : float

def g(x : In[float]) -> float:
    return x + 1.0

def h(g : In[float], char : In[int]) -> float:
    double : float = g(g) * 2.0
    static : float = sin(0.0)
    return double + static + char

def s(Inner : In[int], sinf : In[float]) -> float:
    v : Inner
    v.auto = Inner
    v.long = sqrt(sinf)
    return v.auto + v.long

def q(make__dfloat : In[float]) -> float:
    d : _dfloat = make__dfloat(make__dfloat, 1.0)
    return d.val
)",
                       R"(#include <stdio.h>
float h(float g, int c); float s(int inner, float x); float q(float x);
int main(void) { printf("%g %g %g\n", h(2.0f, 10), s(3, 16.0f), q(2.5f)); return 0; })");
    EXPECT_EQ(r.out, "16 7 2.5\n");  // (3*2) + 0 + 10; 3 + 4; 2.5
}

TEST(CNames, FunctionsNamedLikeCLibraryFunctionsKeepTheirNames) {
    // Legal loma names that <math.h>/<stdlib.h> also declare: the ABI name stays.
    auto r = runKernel(R"(
def floor(x : In[float]) -> float:
    return x + 0.5

def div(a : In[int], b : In[int]) -> int:
    return a / b + floor(1.0)
)",
                       R"(#include <stdio.h>
float floor(float x);
int div(int a, int b);
int main(void) { printf("%d\n", div(9, 2)); return 0; })");
    EXPECT_EQ(r.out, "5\n");  // 4 + float2int(1.5) = 5
}

TEST(CNames, FloatLiteralSpelling) {
    EXPECT_EQ(cFloatLiteral(2.0), "2.0f");
    EXPECT_EQ(cFloatLiteral(0.1), "0.1f");
    EXPECT_EQ(cFloatLiteral(16777217.0), "16777216.0f");
    EXPECT_EQ(cFloatLiteral(1e39), "INFINITY");
    EXPECT_EQ(cFloatLiteral(1e-45), "1e-45f");  // the smallest subnormal
    EXPECT_EQ(cFloatLiteral(3.4028235e38), "3.4028235e+38f");
    EXPECT_EQ(cFloatLiteral(1e-50), "0.0f");
}

}  // namespace
}  // namespace lomaw::codegen::test
