// Expression semantics of the generated C (§3.4, §4, §10.4): every expected number is worked
// out by hand from the language rules.
#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

TEST(CArithmetic, FloatArithmeticWithIntOperandConverted) {
    auto r = runKernel(R"(
def f(x : In[float], y : In[int]) -> float:
    return x * 2.0 + y
)",
                       R"(#include <stdio.h>
float f(float x, int y);
int main(void) { printf("%.9g %.9g\n", f(1.5f, 3), f(-0.25f, -1)); return 0; })");
    EXPECT_EQ(r.out, "6 -1.5\n");
}

TEST(CArithmetic, FloatOperationsRoundToSinglePrecision) {
    // 0.1f + 0.2f rounds to 0.300000012 (double would give 0.3); 1 + 1e-8 is 1 in float.
    auto r = runKernel(R"(
def add(a : In[float], b : In[float]) -> float:
    return a + b

def tiny() -> float:
    x : float = 1.0
    return x + 0.00000001
)",
                       R"(#include <stdio.h>
float add(float a, float b);
float tiny(void);
int main(void) { printf("%.9g %.9g\n", add(0.1f, 0.2f), tiny()); return 0; })");
    EXPECT_EQ(r.out, "0.300000012 1\n");
}

TEST(CArithmetic, FloatLiteralsAreRoundedToFloat) {
    // 16777217 is not a float: it rounds to 16777216. 1e39 overflows to +inf. 0.1 reads
    // back as the float nearest 0.1.
    auto r = runKernel(R"(
def big() -> float:
    return 16777217.0

def huge() -> float:
    return 1e39

def tenth() -> float:
    return 0.1
)",
                       R"(#include <stdio.h>
float big(void); float huge(void); float tenth(void);
int main(void) { printf("%.9g %g %d\n", big(), huge(), tenth() == 0.1f); return 0; })");
    EXPECT_EQ(r.out, "16777216 inf 1\n");
}

TEST(CArithmetic, IntArithmeticWraps) {
    auto r = runKernel(R"(
def inc(a : In[int]) -> int:
    return a + 1

def twice(a : In[int]) -> int:
    return a * 2

def negate(a : In[int]) -> int:
    return -a
)",
                       R"(#include <stdio.h>
int inc(int a); int twice(int a); int negate(int a);
int main(void) {
    printf("%d %d %d %d\n", inc(2147483647), twice(2147483647), negate(-2147483647 - 1), negate(5));
    return 0;
})");
    EXPECT_EQ(r.out, "-2147483648 -2 -2147483648 -5\n");
}

TEST(CArithmetic, IntDivisionTruncatesTowardZero) {
    // 7/2 = 3, -7/2 = -3, 1/3*3.0 = 0*3.0 = 0.0, 7/2.0 = 3.5
    auto r = runKernel(R"(
def idiv(a : In[int], b : In[int]) -> int:
    return a / b

def third() -> float:
    return 1 / 3 * 3.0

def half(a : In[int]) -> float:
    return a / 2.0
)",
                       R"(#include <stdio.h>
int idiv(int a, int b); float third(void); float half(int a);
int main(void) { printf("%d %d %d %g %g\n", idiv(7, 2), idiv(-7, 2), idiv(7, -2), third(), half(7)); return 0; })");
    EXPECT_EQ(r.out, "3 -3 -3 0 3.5\n");
}

const char* kDivKernel = R"(
def idiv(a : In[int], b : In[int]) -> int:
    return a / b
)";

TEST(CArithmetic, IntDivisionByZeroIsARuntimeError) {
    auto r = runKernel(kDivKernel, R"(#include <stdio.h>
int idiv(int a, int b);
int main(void) { int q = idiv(1, 0); printf("%d\n", q); return 0; })");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "runtime error: integer division by zero\n");
    EXPECT_EQ(r.out, "");
}

TEST(CArithmetic, IntMinDividedByMinusOneIsARuntimeError) {
    auto r = runKernel(kDivKernel, R"(#include <stdio.h>
int idiv(int a, int b);
int main(void) { int q = idiv(-2147483647 - 1, -1); printf("%d\n", q); return 0; })");
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.err, "runtime error: integer overflow in division (-2147483648 / -1)\n");
}

TEST(CArithmetic, FloatDivisionByZeroIsInfinity) {
    auto r = runKernel(R"(
def fquot(a : In[float], b : In[float]) -> float:
    return a / b
)",
                       R"(#include <stdio.h>
float fquot(float a, float b);
int main(void) { printf("%g %g\n", fquot(1.0f, 0.0f), fquot(-1.0f, 0.0f)); return 0; })");
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out, "inf -inf\n");
}

TEST(CArithmetic, UnaryMinusIsZeroMinus) {
    // -(+0.0) = 0 - 0 = +0.0 (not -0.0); -(-0.0) = +0.0; -(0.0) literal is +0.0.
    auto r = runKernel(R"(
def neg(x : In[float]) -> float:
    return -x

def negzero() -> float:
    return -(0.0)

def neglit() -> float:
    return -2.5
)",
                       R"(#include <stdio.h>
#include <math.h>
float neg(float x); float negzero(void); float neglit(void);
int main(void) {
    printf("%d %d %d %g %g\n", signbit(neg(0.0f)) != 0, signbit(neg(-0.0f)) != 0,
           signbit(negzero()) != 0, neg(3.0f), neglit());
    return 0;
})");
    EXPECT_EQ(r.out, "0 0 0 -3 -2.5\n");
}

TEST(CArithmetic, ComparisonsYieldOneOrZeroTypedByOperands) {
    // int < int is an int; a comparison with a float operand is a float 1.0/0.0.
    auto r = runKernel(R"(
def lt(a : In[int], b : In[int]) -> int:
    return a < b

def mixed(a : In[float], b : In[int]) -> float:
    return (a >= b) * 3.5

def eq(a : In[float], b : In[float]) -> int:
    r : int = a == b
    return r
)",
                       R"(#include <stdio.h>
#include <math.h>
int lt(int a, int b); float mixed(float a, int b); int eq(float a, float b);
int main(void) {
    printf("%d %d %g %g %d %d\n", lt(1, 2), lt(2, 1), mixed(2.0f, 2), mixed(1.5f, 2),
           eq(NAN, NAN), eq(1.0f, 1.0f));
    return 0;
})");
    EXPECT_EQ(r.out, "1 0 3.5 0 0 1\n");
}

TEST(CArithmetic, AndOrShortCircuitAndTreatNanAsTrue) {
    // and/or: 1 or 0, float-typed when an operand is float; NaN is true. mark() records that it
    // ran by writing a[0], so a skipped right operand leaves a[0] == 0.
    auto r = runKernel(R"(
def mark(a : In[Array[int]]) -> int:
    a[0] = a[0] + 1
    return 1

def both(x : In[float], y : In[float]) -> float:
    return x and y

def either(x : In[int], y : In[int]) -> int:
    return x or y

def lazyAnd(a : In[Array[int]], c : In[int]) -> int:
    return c and mark(a)

def lazyOr(a : In[Array[int]], c : In[int]) -> int:
    return c or mark(a)

def truth(x : In[float]) -> int:
    r : int = 0
    if x:
        r = 1
    return r
)",
                       R"(#include <stdio.h>
#include <math.h>
float both(float x, float y); int either(int x, int y);
int lazyAnd(int* a, int c); int lazyOr(int* a, int c); int truth(float x);
int main(void) {
    int a[1] = {0};
    int r1 = lazyAnd(a, 0);
    int a0 = a[0];
    int r2 = lazyAnd(a, 5);
    int a1 = a[0];
    int r3 = lazyOr(a, -3);
    int a2 = a[0];
    printf("%g %g %g %d %d\n", both(NAN, 2.0f), both(0.0f, NAN), both(-1.0f, 0.5f), either(0, 0), either(0, 7));
    printf("%d %d %d %d %d %d\n", r1, a0, r2, a1, r3, a2);
    printf("%d %d\n", truth(NAN), truth(0.0f));
    return 0;
})");
    EXPECT_EQ(r.out, "1 0 1 0 1\n0 0 1 1 1 1\n1 0\n");
}

TEST(CArithmetic, IntrinsicsAndConversions) {
    // sqrt(16) = 4 (int argument converted), pow(2, 10) = 1024, exp(0) = 1, log(1) = 0,
    // sin(0) = 0, cos(0) = 1; float2int truncates toward zero; int <- float assignment too.
    auto r = runKernel(R"(
def intr() -> float:
    return sqrt(16) + pow(2, 10) + exp(0.0) + log(1.0) + sin(0.0) + cos(0.0)

def toward0(x : In[float]) -> int:
    return float2int(x)

def implicit(x : In[float]) -> int:
    i : int = x
    return i

def back(i : In[int]) -> float:
    return int2float(i) / 4
)",
                       R"(#include <stdio.h>
float intr(void); int toward0(float x); int implicit(float x); float back(int i);
int main(void) {
    printf("%g %d %d %d %g\n", intr(), toward0(-2.7f), toward0(2.7f), implicit(-2.7f), back(3));
    return 0;
})");
    EXPECT_EQ(r.out, "1030 -2 2 -2 0.75\n");
}

}  // namespace
}  // namespace lomaw::codegen::test
