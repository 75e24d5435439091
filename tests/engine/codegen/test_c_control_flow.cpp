// if / while / for-range (§3.5, §3.6, §9.1).
#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

TEST(CControlFlow, IfElifElse) {
    auto r = runKernel(R"(
def sign(x : In[float]) -> int:
    r : int
    if x > 0.0:
        r = 1
    elif x < 0.0:
        r = -1
    else:
        r = 0
    return r
)",
                       R"(#include <stdio.h>
int sign(float x);
int main(void) { printf("%d %d %d\n", sign(2.0f), sign(-0.5f), sign(0.0f)); return 0; })");
    EXPECT_EQ(r.out, "1 -1 0\n");
}

TEST(CControlFlow, WhileIgnoresMaxIter) {
    // max_iter := 2 but the loop runs 10 times (§3.6).
    auto r = runKernel(R"(
def count(n : In[int]) -> int:
    i : int = 0
    while (i < n, max_iter := 2):
        i = i + 1
    return i
)",
                       R"(#include <stdio.h>
int count(int n);
int main(void) { printf("%d %d\n", count(10), count(-5)); return 0; })");
    EXPECT_EQ(r.out, "10 0\n");
}

const char* kRangeKernel = R"(
def up(n : In[int]) -> int:
    s : int
    for i in range(n):
        s = s + i
    return s

def stride(a : In[int], b : In[int]) -> int:
    s : int
    for i in range(a, b, 3):
        s = s * 10 + i
    return s

def down(a : In[int], b : In[int]) -> int:
    s : int
    for i in range(a, b, -3):
        s = s * 100 + i
    return s

def count2(a : In[int], b : In[int]) -> int:
    c : int
    for i in range(a, b):
        c = c + 1
    return c

def countStep(a : In[int], b : In[int]) -> int:
    c : int
    for i in range(a, b, 1073741824):
        c = c + 1
    return c

def countDown(a : In[int], b : In[int]) -> int:
    c : int
    for i in range(a, b, -2147483647):
        c = c + 1
    return c

def lastUp(a : In[int], b : In[int]) -> int:
    last : int
    for i in range(a, b, 5):
        last = i
    return last

def once(n : In[int]) -> int:
    c : int
    for i in range(n):
        n = n - 1
        c = c + 1
    return c * 1000 + n
)";

TEST(CControlFlow, RangeLoops) {
    auto r = runKernel(kRangeKernel, R"(#include <stdio.h>
int up(int n); int stride(int a, int b); int down(int a, int b); int count2(int a, int b);
int countStep(int a, int b); int countDown(int a, int b); int lastUp(int a, int b); int once(int n);
int main(void) {
    printf("%d %d %d\n", up(5), stride(2, 10), down(10, 0));
    printf("%d %d %d %d\n", count2(5, 5), count2(5, 0), down(0, 5), up(-3));
    printf("%d %d %d\n", count2(2147483645, 2147483647), count2(-2147483647 - 1, -2147483647 + 1),
           countStep(-2147483647 - 1, 2147483647));
    printf("%d %d\n", countDown(2147483647, -2147483647 - 1), lastUp(2147483640, 2147483647));
    printf("%d\n", once(4));
    return 0;
})");
    // up(5) = 0+1+2+3+4 = 10; stride: 2,5,8 -> 258; down: 10,7,4,1 -> 10070401
    // empty ranges; huge bounds: 2 iterations, 2 iterations, 4 (-2^31, -2^30, 0, 2^30),
    // 3 (2147483647, 0, -2147483647), last of 2147483640, 2147483645;
    // once: stop is evaluated on entry (4 iterations) while n drops to 0.
    EXPECT_EQ(r.out, "10 258 10070401\n0 0 0 0\n2 2 4\n3 2147483645\n4000\n");
}

// Reverse-mode tapes in C: positions, capacities and a for loop's trip count are `long` (a
// 32-bit position could wrap on a long tape); a for loop pushing a branch (in both arms of its
// if: one push per iteration) and a value per iteration pre-sizes both tapes once by one
// iteration's pushes, and keeps the per-push reserves (the pre-size clamps at 2^28). s = sum (z_i - 1)^2, z_i = w x_i, or 0.01 w x_i when negative;
// w = 2, x = (1, -1, 0.5): z = (2, -0.02, 1), ds/dw = 2*1*1 + 2*(-1.02)*(-0.01) = 2.0204,
// ds/dx = 2 (z_i - 1) dz_i/dx_i = (4, -0.0408, 0). Called twice: the kept tapes start empty.
TEST(CControlFlow, ReverseTapePositionsAreLongAndAForLoopPresizesItsPushes) {
    const std::string kernel = R"(
def leaky(x : In[Array[float]], w : In[float], n : In[int]) -> float:
    s : float = 0.0
    z : float = 0.0
    r : float = 0.0
    for i in range(n):
        z = w * x[i]
        if z < 0.0:
            z = 0.01 * z
        r = z - 1.0
        s = s + r * r
    return s

r_leaky = rev_diff(leaky)
)";
    std::string c = emitDifferentiated(kernel);
    EXPECT_NE(c.find("    long _trip = 0;"), std::string::npos) << c;
    EXPECT_NE(c.find("    long _t_r_n = 0;"), std::string::npos) << c;
    EXPECT_NE(c.find("    long _t_branch_cap = 0;"), std::string::npos) << c;
    EXPECT_NE(c.find("if (_t_branch_n + _trip > _t_branch_cap) {"), std::string::npos) << c;
    EXPECT_NE(c.find("if (_t_r_n + _trip > _t_r_cap) {"), std::string::npos) << c;
    EXPECT_NE(c.find("if (_t_r_n >= _t_r_cap) {"), std::string::npos) << c;
    BuildOptions strict;
    strict.extraFlags = "-Werror -Wno-unused-function";  // the runtime helpers come as a set
    auto r = buildAndRun(c, R"(#include <stdio.h>
void r_leaky(float* x, float* _dx, float w, float* _dw, int n, int* _dn, float _dreturn);
int main(void) {
    float x[3] = {1.0f, -1.0f, 0.5f};
    for (int call = 0; call < 2; ++call) {
        float dx[3] = {0, 0, 0}, dw = 0;
        int dn = 0;
        r_leaky(x, dx, 2.0f, &dw, 3, &dn, 1.0f);
        printf("%.5f %.5f %.5f %.5f\n", dw, dx[0], dx[1], dx[2]);
    }
    return 0;
})", strict);
    EXPECT_EQ(r.compilerOutput, "");
    EXPECT_EQ(r.out, "2.02040 4.00000 -0.04080 0.00000\n2.02040 4.00000 -0.04080 0.00000\n");
}

}  // namespace
}  // namespace lomaw::codegen::test
