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
    EXPECT_EQ(cVariableName("_Bool"), "_lw_v_Bool_");  // reserved spaces get a prefix
    EXPECT_EQ(cVariableName("__x"), "_lw_v__x_");
    EXPECT_EQ(cVariableName("_WCHAR_T_DEFINED"), "_lw_v_WCHAR_T_DEFINED_");  // not the macro _WCHAR_T_DEFINED_
    EXPECT_EQ(cVariableName("_lw_t1"), "_lw_v_lw_t1_");  // the backend's own prefix
    EXPECT_EQ(cVariableName("_n_threads"), "_n_threads_");
    EXPECT_EQ(cVariableName("_dx"), "_dx");  // generated AD names are ordinary
    EXPECT_EQ(cVariableName("_lomaw_args"), "_lw_v_lomaw_args_");  // the call harness's prefix
    EXPECT_EQ(cMemberName("__m"), "_lw_v__m_");
    EXPECT_EQ(cVariableName("size_t"), "size_t_");             // generated bodies cast to it
    EXPECT_EQ(cVariableName("index"), "index");                // a header function, not a macro
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

TEST(CNames, FileScopeNamesThatCWouldMisreadGetTheReservedPrefix) {
    EXPECT_EQ(cFileScopeName("f"), "f");
    EXPECT_EQ(cFileScopeName("Foo"), "Foo");
    EXPECT_EQ(cFileScopeName("printf_"), "printf_");
    EXPECT_EQ(cFileScopeName("args"), "args");  // the harness's parameters are _lomaw_args, _lomaw_ret
    for (const char* n : {"printf", "malloc", "free", "abs", "exit", "fflush", "fprintf", "stdin", "NULL",
                          "INFINITY", "FILE", "size_t", "sinf", "floor", "int32_t", "write", "linux", "main",
                          "MPI_Send", "_Exit", "__x", "_Foo", "_lw_div_int", "_lwmpi_x", "_lomaw_exit",
                          "_lomaw_call_g", "_lw_u_f"}) {
        EXPECT_TRUE(isReservedFileScopeName(n)) << n;
        EXPECT_EQ(cFunctionSymbol(n), std::string("_lw_u_") + n);
        EXPECT_EQ(cStructName(n), std::string("_lw_u_") + n);
    }
    // Injective: the renamed image starts with "_lw_u_", which kept names never do.
    EXPECT_NE(cFileScopeName("_lw_u_f"), cFileScopeName("f"));
    EXPECT_EQ(cValueType(*Type::structType("FILE")), "_lw_u_FILE");
    EXPECT_EQ(cParamType(*Type::arrayOf(Type::structType("size_t")), true), "_lw_u_size_t*");
}

TEST(CNames, VariablesNeverMeetAFileScopeNameWhateverTheirUnderscores) {
    // Functions f, f_ and struct int_: every variable of stem "f" gets two more underscores,
    // every variable of stem "int" (a keyword, and the stem of struct int_) two as well.
    ast::Module m = typedModule(R"(
class int_:
    a : int

def f(x : In[float]) -> float:
    return x

def f_(x : In[float]) -> float:
    return x
)");
    CUnitNames names(m);
    EXPECT_EQ(names.variable("f"), "f__");
    EXPECT_EQ(names.variable("f_"), "f___");
    EXPECT_EQ(names.variable("int"), "int__");
    EXPECT_EQ(names.variable("int_"), "int___");
    EXPECT_EQ(names.variable("x"), "x");
    EXPECT_EQ(names.variable("_lw_div_int"), "_lw_v_lw_div_int_");
}

TEST(CNames, FunctionsAndStructsNamedLikeCNamesCompileAndRun) {
    // Legal loma names that the headers declare or define, and the backend's own prefix: the
    // unit renames them (_lw_u_...), calls them by the new name, and its own calls to
    // fprintf/exit/free still reach the C library.
    auto r = runKernel(R"(
class FILE:
    fd : int

class size_t:
    n : float

def floor(x : In[float]) -> float:
    return x + 0.5

def div(a : In[int], b : In[int]) -> int:
    return a / b + floor(1.0)

def exit(code : In[int]) -> int:
    return code + 1

def NULL(f : In[FILE], s : In[size_t]) -> float:
    return f.fd + s.n

def _lw_div_int(a : In[int]) -> int:
    return exit(a) * 2
)",
                       R"(#include <stdio.h>
int _lw_u_div(int a, int b);
int _lw_u__lw_div_int(int a);
typedef struct { int fd; } F; typedef struct { float n; } S;
float _lw_u_NULL(F f, S s);
int main(void) {
    F f = {3}; S s = {0.5f};
    printf("%d %d %g\n", _lw_u_div(9, 2), _lw_u__lw_div_int(4), _lw_u_NULL(f, s));
    printf("%d\n", _lw_u_div(1, 0));
    return 0;
})");
    // 9/2 + float2int(1.5) = 4 + 1 = 5; (4 + 1) * 2 = 10; 3 + 0.5 = 3.5; then 1/0 is a runtime error
    EXPECT_EQ(r.out, "5 10 3.5\n");
    EXPECT_EQ(r.err, "runtime error: integer division by zero\n");
    EXPECT_EQ(r.exitCode, 3);
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
