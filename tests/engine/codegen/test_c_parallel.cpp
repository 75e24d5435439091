// OpenMP pragma loops (§9.2) and @simd functions (§5) with atomic_add (§4). Each pragma test
// runs twice: built with OpenMP (4 threads) and without, which must agree.
#include "CodegenTestSupport.h"

namespace lomaw::codegen::test {
namespace {

RunResult runBoth(const std::string& kernel, const std::string& mainC, int threads = 4) {
    BuildOptions omp;
    omp.threads = threads;
    BuildOptions seq;
    seq.openmp = false;
    RunResult a = runKernel(kernel, mainC, omp);
    RunResult b = runKernel(kernel, mainC, seq);
    EXPECT_EQ(a.out, b.out) << "OpenMP and sequential builds disagree";
    EXPECT_EQ(b.compilerOutput, "") << "warnings without -fopenmp";
    return a;
}

TEST(CParallel, ReductionAddsCopiesToTheEntryValue) {
    // s starts at 10; the copies add 1+4+9+16+25+36+49+64 = 204; t is private.
    auto r = runBoth(R"(
def sumsq(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    s : float = 10.0
    t : float = 99.0
    #pragma omp parallel for shared(x, y) private(t) reduction(+:s)
    for i in range(n):
        t = x[i] * x[i]
        y[i] = t
        s = s + t
    return s + t
)",
                     R"(#include <stdio.h>
float sumsq(float* x, float* y, int n);
int main(void) {
    float x[8] = {1, 2, 3, 4, 5, 6, 7, 8}, y[8] = {0};
    float s = sumsq(x, y, 8);
    printf("%g %g %g\n", s, y[0], y[7]);
    return 0;
})");
    EXPECT_EQ(r.out, "313 1 64\n");  // 10 + 204 + 99 (t unchanged)
}

TEST(CParallel, PrivateCopiesStartAtZeroAndFirstprivateAtTheEntryValue) {
    // One thread (and the sequential build): one copy each, carried across iterations.
    // private t: 0,1,2,3; firstprivate u: 2,4,8,16; the originals keep 5 and 2.
    auto r = runBoth(R"(
def copies(y : Out[Array[float]], z : Out[Array[float]], n : In[int]) -> float:
    t : float = 5.0
    u : float = 2.0
    #pragma omp parallel for private(t) firstprivate(u)
    for i in range(n):
        y[i] = t
        t = t + 1.0
        z[i] = u
        u = u * 2.0
    return t * 10.0 + u
)",
                     R"(#include <stdio.h>
float copies(float* y, float* z, int n);
int main(void) {
    float y[4] = {0}, z[4] = {0};
    float r = copies(y, z, 4);
    printf("%g | %g %g %g %g | %g %g %g %g\n", r, y[0], y[1], y[2], y[3], z[0], z[1], z[2], z[3]);
    return 0;
})",
                     1);
    EXPECT_EQ(r.out, "52 | 0 1 2 3 | 2 4 8 16\n");
}

TEST(CParallel, DefaultPrivateAndDefaultNoneAndOutReduction) {
    // default(private): t and k are private (k's copy starts at 0, so y[i] = x[i]);
    // default(none) with everything listed; an Out scalar as reduction target.
    auto r = runBoth(R"(
def dp(x : In[Array[float]], y : Out[Array[float]], n : In[int], k : In[float]):
    t : float
    #pragma omp parallel for default(private) shared(x, y)
    for i in range(n):
        t = x[i] + k
        y[i] = t

def dn(x : In[Array[float]], n : In[int], s : Out[float]):
    #pragma omp parallel for default(none) shared(x) reduction(+:s)
    for i in range(n):
        s = s + x[i]

def cnt(n : In[int]) -> int:
    c : int = 1000
    #pragma omp parallel for reduction(+:c)
    for i in range(n):
        c = c + 1
    return c
)",
                     R"(#include <stdio.h>
void dp(float* x, float* y, int n, float k);
void dn(float* x, int n, float* s);
int cnt(int n);
int main(void) {
    float x[5] = {1, 2, 3, 4, 5}, y[5] = {0}, s = 0.5f;
    dp(x, y, 5, 100.0f);
    dn(x, 5, &s);
    printf("%g %g %g %d\n", y[0], y[4], s, cnt(100));
    return 0;
})");
    EXPECT_EQ(r.out, "1 5 15.5 1100\n");
}

TEST(CParallel, NestedPragmaLoopsAndNestedLoopVariables) {
    auto r = runBoth(R"(
def outer(a : Out[Array[float]], n : In[int]) -> float:
    total : float
    row : float
    #pragma omp parallel for shared(a) private(row) reduction(+:total)
    for i in range(n):
        row = 0.0
        #pragma omp parallel for reduction(+:row)
        for j in range(n):
            row = row + 1.0
        a[i] = row
        total = total + row
    return total
)",
                     R"(#include <stdio.h>
float outer(float* a, int n);
int main(void) { float a[6] = {0}; float t = outer(a, 6); printf("%g %g %g\n", t, a[0], a[5]); return 0; })");
    EXPECT_EQ(r.out, "36 6 6\n");
}

TEST(CParallel, PragmaTextKeepsTheClauses) {
    const std::string c = emitKernel(R"(
def f(x : In[Array[float]], n : In[int]) -> float:
    s : float
    #pragma omp parallel for default(none) shared(x) reduction(+:s)
    for i in range(n):
        s = s + x[i]
    return s
)");
    EXPECT_NE(c.find("#ifdef _OPENMP\n        #pragma omp parallel shared(x, _lw_stop1, _lw_red2) default(none)  /* kernel.py:4 */\n#endif"),
              std::string::npos) << c;
    EXPECT_NE(c.find("            #pragma omp for  /* kernel.py:4 */"), std::string::npos) << c;
}

const char* kSimdKernel = R"(
@simd
def scale(x : In[Array[float]], k : In[float], y : Out[Array[float]]):
    i : int = thread_id()
    acc : float
    acc = acc + k
    k = k + 100.0
    y[i] = acc + k + x[i]

@simd
def count(total : Out[Array[float]]):
    atomic_add(total[0], 1.0)
    atomic_add(total[1], thread_id())

def addTo(t : Out[float], v : In[float]):
    atomic_add(t, v * 2.0)
)";

TEST(CParallel, SimdThreadsHaveTheirOwnCopiesAndLocals) {
    // Every thread sees k = 1 and acc = 0 at entry: y[i] = 1 + 101 + x[i].
    BuildOptions o;
    o.threads = 4;
    auto r = runKernel(kSimdKernel, R"(#include <stdio.h>
void scale(float* x, float k, float* y, int n_threads);
void count(float* total, int n_threads);
void addTo(float* t, float v);
int main(void) {
    float x[8] = {0, 1, 2, 3, 4, 5, 6, 7}, y[8] = {0};
    scale(x, 1.0f, y, 8);
    printf("%g %g %g\n", y[0], y[3], y[7]);
    float total[2] = {0, 0};
    count(total, 1000);
    count(total, 0);
    printf("%g %g\n", total[0], total[1]);
    float t = 1.0f;
    addTo(&t, 3.0f);
    printf("%g\n", t);
    return 0;
})",
                       o);
    // total[1] = 0 + 1 + ... + 999 = 499500
    EXPECT_EQ(r.out, "102 105 109\n1000 499500\n7\n");
}

TEST(CParallel, SimdSignatureAndThreadBody) {
    const std::string c = emitKernel(kSimdKernel);
    EXPECT_NE(c.find("void scale(float* x, float k, float* y, int _n_threads);"), std::string::npos) << c;
    EXPECT_NE(c.find("static void _lw_thread_scale(float* x, float k, float* y, int _lw_tid) {"),
              std::string::npos) << c;
    EXPECT_NE(c.find("    int i = _lw_tid;  /* kernel.py:4 */"), std::string::npos) << c;
    EXPECT_NE(c.find("#ifdef _OPENMP\n    #pragma omp atomic  /* kernel.py:16 */\n#endif\n    (*t) += v * 2.0f;"),
              std::string::npos) << c;
}

}  // namespace
}  // namespace lomaw::codegen::test
