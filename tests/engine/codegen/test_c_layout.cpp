// Struct typedefs and array layout (§7), zero-initialisation (§3.2), make__dfloat (§2.6).
#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

const char* kLayoutKernel = R"(
class Outer:
    i : Inner
    m : Array[Array[float, 4], 3]
    p : Array[Array[float], 2]
    q : Array[Array[int]]
    k : int

class Inner:
    a : int
    b : float

def fill(o : Out[Outer]):
    o.i.a = 7
    o.i.b = 1.5
    o.m[2][3] = 11.0
    o.m[1][0] = 4.0
    o.p[1][2] = 9.0
    o.q[1][0] = 42
    o.k = -3
)";

TEST(CLayout, StructTypedefsFollowTheAbiInDependencyOrder) {
    const std::string c = emitKernel(kLayoutKernel);
    const std::string inner = "typedef struct {  /* kernel.py:9 */\n"
                              "    int a;  /* kernel.py:10 */\n"
                              "    float b;  /* kernel.py:11 */\n"
                              "} Inner;\n";
    const std::string outer = "typedef struct {  /* kernel.py:2 */\n"
                              "    Inner i;  /* kernel.py:3 */\n"
                              "    float m[3][4];  /* kernel.py:4 */\n"
                              "    float* p[2];  /* kernel.py:5 */\n"
                              "    int** q;  /* kernel.py:6 */\n"
                              "    int k;  /* kernel.py:7 */\n"
                              "} Outer;\n";
    ASSERT_NE(c.find(inner), std::string::npos) << c;
    ASSERT_NE(c.find(outer), std::string::npos) << c;
    EXPECT_LT(c.find(inner), c.find(outer));  // Inner is declared later but needed first
    EXPECT_NE(c.find("typedef struct {\n    float val;\n    float dval;\n} _dfloat;\n"), std::string::npos);
    EXPECT_NE(c.find("void fill(Outer* o);"), std::string::npos);
}

TEST(CLayout, MembersLandWhereAHandWrittenAbiStructExpectsThem) {
    // main.c declares the struct from §7 independently; fill() writes through the kernel's.
    auto r = runKernel(kLayoutKernel, R"(#include <stdio.h>
#include <stddef.h>
typedef struct { int a; float b; } Inner;
typedef struct { Inner i; float m[3][4]; float* p[2]; int** q; int k; } Outer;
void fill(Outer* o);
int main(void) {
    float row0[3] = {0}, row1[3] = {0};
    int q0[1] = {0}, q1[2] = {0};
    int* qs[2] = {q0, q1};
    Outer o = {{0, 0}, {{0}}, {row0, row1}, qs, 0};
    fill(&o);
    printf("%d %g %g %g %g %d %d %g\n", o.i.a, o.i.b, o.m[2][3], o.m[1][0], row1[2], q1[0], o.k, o.m[0][0]);
    printf("%zu %zu %zu\n", sizeof(Outer), offsetof(Outer, m), offsetof(Outer, k));
    return 0;
})");
    EXPECT_EQ(r.out, "7 1.5 11 4 9 42 -3 0\n88 8 80\n");
}

TEST(CLayout, LocalsAreZeroInitialised) {
    // A struct with a nested struct and an inline array, a 2-D local array, ints and floats:
    // every element starts at zero (§3.2), also on a stack dirtied by a previous call.
    auto r = runKernel(R"(
class B:
    n : int
    f : Array[float, 3]
    d : _dfloat

def dirty(v : In[float]) -> float:
    a : Array[float, 64]
    for i in range(64):
        a[i] = v
    return a[63]

def zeros() -> float:
    b : B
    g : Array[Array[float, 3], 2]
    i : int
    x : float
    return b.n + b.f[0] + b.f[2] + b.d.val + b.d.dval + g[0][0] + g[1][2] + i + x
)",
                       R"(#include <stdio.h>
float dirty(float v); float zeros(void);
int main(void) { float d = dirty(123.0f); printf("%g %g\n", d, zeros()); return 0; })");
    EXPECT_EQ(r.out, "123 0\n");
}

TEST(CLayout, ZeroInitialisersInTheText) {
    const std::string c = emitKernel(R"(
class P:
    v : Array[float, 2]

def z() -> int:
    p : P
    a : Array[Array[int, 2], 5]
    i : int
    f : float
    return i
)");
    EXPECT_NE(c.find("    P p = {0};  /* kernel.py:6 */"), std::string::npos) << c;
    EXPECT_NE(c.find("    int a[5][2] = {0};  /* kernel.py:7 */"), std::string::npos) << c;
    EXPECT_NE(c.find("    int i = 0;  /* kernel.py:8 */"), std::string::npos) << c;
    EXPECT_NE(c.find("    float f = 0.0f;  /* kernel.py:9 */"), std::string::npos) << c;
}

TEST(CLayout, MakeDfloatIsAlwaysExported) {
    auto r = runKernel(R"(
def slope(x : In[float]) -> float:
    d : _dfloat = make__dfloat(x, 2.0)
    return d.val * d.dval
)",
                       R"(#include <stdio.h>
typedef struct { float val; float dval; } _dfloat;
_dfloat make__dfloat(float val, float dval);
float slope(float x);
int main(void) { _dfloat d = make__dfloat(1.25f, -4.0f); printf("%g %g %g\n", d.val, d.dval, slope(3.0f)); return 0; })");
    EXPECT_EQ(r.out, "1.25 -4 6\n");
}

// A function of `statements` statements: s = x, then s = s + 1.0 repeated, then return s.
std::string longFunction(const std::string& name, int statements) {
    std::string src = "def " + name + "(x : In[float]) -> float:\n    s : float = x\n";
    for (int k = 0; k < statements - 2; ++k) src += "    s = s + 1.0\n";
    return src + "    return s\n\n";
}

TEST(CLayout, FunctionsOfMoreThan2000StatementsAreCompiledAtOg) {
    // GCC -O2 on the straight-line code of deeply nested fwd_diff (13,000 statements at level
    // 8) spends most of its time in register allocation; such functions get -Og.
    const std::string kernel = longFunction("big", 2001) + longFunction("small", 2000);
    const std::string c = emitKernel(kernel);
    const size_t big = c.find("\nfloat big(float x) {");
    const size_t small = c.find("\nfloat small(float x) {");
    ASSERT_NE(big, std::string::npos);
    ASSERT_NE(small, std::string::npos);
    const std::string marked = "\n#if defined(__GNUC__) && !defined(__clang__)\n"
                               "__attribute__((optimize(\"Og\")))  /* 2001 statements: -O2 would take too long */\n"
                               "#endif";
    EXPECT_EQ(c.rfind(marked, big), big - marked.size()) << c.substr(big - 200, 300);
    EXPECT_EQ(c.find("optimize", big), std::string::npos);  // `small` is compiled with the unit's flags
    auto r = buildAndRun(c, R"(#include <stdio.h>
float big(float x);
float small(float x);
int main(void) { printf("%g %g\n", big(0.5f), small(0.5f)); return 0; })",
                         {.openmp = false, .extraFlags = "-Werror"});
    ASSERT_TRUE(r.compiled) << r.compilerOutput;
    EXPECT_EQ(r.out, "1999.5 1998.5\n");
}

TEST(CLayout, NestedUnboundedArraysArePointerPerLevel) {
    // Array[Array[float]] is float**; rows of different lengths are fine.
    auto r = runKernel(R"(
def total(a : In[Array[Array[float]]], rows : In[int], cols : In[Array[int]]) -> float:
    s : float
    for i in range(rows):
        for j in range(cols[i]):
            s = s + a[i][j]
    return s
)",
                       R"(#include <stdio.h>
float total(float** a, int rows, int* cols);
int main(void) {
    float r0[2] = {1, 2}, r1[3] = {10, 20, 30};
    float* a[2] = {r0, r1};
    int cols[2] = {2, 3};
    printf("%g\n", total(a, 2, cols));
    return 0;
})");
    EXPECT_EQ(r.out, "63\n");
}

}  // namespace
}  // namespace lomaw::codegen::test
