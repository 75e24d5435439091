// Calls and parameter passing (§3.3, §3.8): Out aliases, In copies, struct copies,
// recursion, arrays, and loma's left-to-right evaluation order.
#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

TEST(CCalls, OutScalarAndStructParametersAlias) {
    auto r = runKernel(R"(
class P:
    a : int
    f : Array[float, 2]

def setv(x : Out[float], v : In[float]):
    x = x + v * 2.0

def sets(s : Out[P]):
    s.a = 5
    s.f[1] = 2.5

def caller() -> float:
    y : float = 1.0
    setv(y, 3.0)
    p : P
    sets(p)
    return y + p.a + p.f[1]
)",
                       R"(#include <stdio.h>
float caller(void);
void setv(float* x, float v);
int main(void) { float y = 10.0f; setv(&y, 0.5f); printf("%g %g\n", y, caller()); return 0; })");
    // setv reads the caller's value first: 10 + 1 = 11; caller: 1 + 6 = 7, + 5 + 2.5
    EXPECT_EQ(r.out, "11 14.5\n");
}

TEST(CCalls, InParametersAreCopiesAndStructAssignmentCopies) {
    auto r = runKernel(R"(
class P:
    a : int
    f : Array[float, 2]

def bump(p : In[P], x : In[float]) -> float:
    p.a = 100
    p.f[0] = 50.0
    x = x + 1.0
    return p.a + p.f[0] + x

def caller() -> float:
    p : P
    p.a = 1
    p.f[0] = 2.0
    q : P = p
    q.f[0] = 9.0
    x : float = 3.0
    r : float = bump(p, x)
    return r + p.a * 1000 + p.f[0] * 100 + x * 10 + q.f[0]
)",
                       R"(#include <stdio.h>
float caller(void);
int main(void) { printf("%g\n", caller()); return 0; })");
    // bump: 100 + 50 + 4 = 154; p unchanged (1, 2.0), x unchanged (3), q.f[0] = 9
    EXPECT_EQ(r.out, "1393\n");  // 154 + 1000 + 200 + 30 + 9
}

TEST(CCalls, RecursionAndAnyDefinitionOrder) {
    auto r = runKernel(R"(
def fib10() -> int:
    return fib(10)

def fib(n : In[int]) -> int:
    r : int = n
    if n > 1:
        r = fib(n - 1) + fib(n - 2)
    return r
)",
                       R"(#include <stdio.h>
int fib10(void);
int main(void) { printf("%d\n", fib10()); return 0; })");
    EXPECT_EQ(r.out, "55\n");
}

TEST(CCalls, LocalStaticArrayPassedForUnboundedParameter) {
    auto r = runKernel(R"(
def sum(a : In[Array[float]], n : In[int]) -> float:
    s : float
    for i in range(n):
        s = s + a[i]
    return s

def scale(a : Out[Array[float]], n : In[int], k : In[float]):
    for i in range(n):
        a[i] = a[i] * k

def local() -> float:
    a : Array[float, 3]
    a[0] = 1.0
    a[1] = 2.0
    a[2] = 4.0
    scale(a, 3, 0.5)
    return sum(a, 3)
)",
                       R"(#include <stdio.h>
float local(void);
int main(void) { printf("%g\n", local()); return 0; })");
    EXPECT_EQ(r.out, "3.5\n");
}

TEST(CCalls, OperandsAndArgumentsEvaluateLeftToRight) {
    // bump(a) sets a[0] = 10 and a[1] = 2 and returns 1. loma reads a[0] before the call in
    // `a[0] + bump(a)` (1 + 1 = 2) and passes the old a[0] in `pair(a[0], bump(a))`.
    auto r = runKernel(R"(
def bump(a : In[Array[int]]) -> int:
    a[0] = 10
    a[1] = 2
    return 1

def pair(x : In[int], y : In[int]) -> int:
    return x * 100 + y

def plus(a : In[Array[int]]) -> int:
    return a[0] + bump(a)

def args(a : In[Array[int]]) -> int:
    return pair(a[0], bump(a))
)",
                       R"(#include <stdio.h>
int plus(int* a); int args(int* a);
int main(void) {
    int a[2] = {1, 0}, b[2] = {3, 0};
    int p = plus(a);
    int q = args(b);
    printf("%d %d %d\n", p, q, b[0]);
    return 0;
})");
    EXPECT_EQ(r.out, "2 301 10\n");
}

TEST(CCalls, AssignmentEvaluatesValueBeforeTargetIndices) {
    // §3.3: the value first (bump sets a[1] = 2, returns 7), then the index a[1] (now 2).
    auto r = runKernel(R"(
def bump(a : In[Array[int]]) -> int:
    a[1] = 2
    return 7

def store(a : In[Array[int]]):
    a[a[1]] = bump(a)
)",
                       R"(#include <stdio.h>
void store(int* a);
int main(void) { int a[3] = {0, 0, 0}; store(a); printf("%d %d %d\n", a[0], a[1], a[2]); return 0; })");
    EXPECT_EQ(r.out, "0 2 7\n");
}

}  // namespace
}  // namespace lomaw::codegen::test
