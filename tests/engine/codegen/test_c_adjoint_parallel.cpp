// Reverse derivatives of pragma loops (engine/ad/ReverseParallelFor.cpp): the adjoint loop of a 1-D
// stencil carries a pragma with the adjoint scopes, atomic updates exactly where the scope
// analysis says so, and gives the same gradient built with OpenMP (4 threads) and without.
#include "CodegenTestSupport.h"

#include "ad/Differentiate.h"
#include "syntax/Diagnostics.h"

namespace lomaw::codegen::test {
namespace {

const char* kStencil = R"(
def stencil(u : In[Array[float]], w : In[Array[float]], v : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(u, w, v)
    for i in range(1, n - 1):
        v[i] = w[i] * u[i] + 0.5 * (u[i - 1] + u[i + 1])

d_stencil = rev_diff(stencil)
)";

// The body of the C function `name` (from its opening line to the closing brace at column 0).
std::string functionText(const std::string& c, const std::string& signatureStart) {
    const size_t from = c.find(signatureStart + ") {");
    const size_t start = from == std::string::npos ? c.find(signatureStart) : from;
    if (start == std::string::npos) return "";
    size_t open = c.find(") {", start);
    const size_t end = c.find("\n}", open);
    return c.substr(start, end - start);
}

TEST(CAdjointParallel, StencilAdjointLoopHasThePragmaAndAtomicUpdates) {
    const std::string c = emitDifferentiated(kStencil);
    const std::string f = functionText(c, "void d_stencil(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn");
    ASSERT_FALSE(f.empty()) << c;
    // The adjoint scopes: _dv (write-only) and _dw (own index) shared, _du atomic (kept shared).
    EXPECT_NE(f.find("#pragma omp parallel shared(_dv, _dw, u, _du, w)"), std::string::npos) << f;
    EXPECT_NE(f.find("#pragma omp for"), std::string::npos) << f;
    // _adj temporaries: one copy per thread.
    EXPECT_NE(f.find("(void)_adj;"), std::string::npos) << f;
    // Every update of _du is an omp atomic; _dw is updated in place.
    for (const char* update : {"_du[i] += ", "_du[i - 1] += ", "_du[i + 1] += "}) {
        const size_t at = f.find(update);
        ASSERT_NE(at, std::string::npos) << update << "\n" << f;
        const size_t line = f.rfind('\n', at);
        const size_t prevEnd = f.rfind('\n', line - 1);   // "#endif"
        const size_t pragma = f.rfind('\n', prevEnd - 1);  // "#pragma omp atomic"
        EXPECT_NE(f.substr(pragma, prevEnd - pragma).find("#pragma omp atomic"), std::string::npos) << update << "\n" << f;
    }
    EXPECT_NE(f.find("_dw[i] = _dw[i] + _adj * u[i];"), std::string::npos) << f;
    size_t atomics = 0;
    for (size_t p = f.find("#pragma omp atomic"); p != std::string::npos; p = f.find("#pragma omp atomic", p + 1)) ++atomics;
    EXPECT_EQ(atomics, 3u) << f;
    // The decisions as comments above the pragma.
    const size_t note = f.find("/* _du (u): atomic: ");
    EXPECT_NE(note, std::string::npos) << f;
    EXPECT_LT(note, f.find("#pragma omp parallel"));
}

TEST(CAdjointParallel, StencilGradientIsTheSameWithAndWithoutOpenMP) {
    const std::string unit = emitDifferentiated(kStencil);
    // n = 2000, u[k] = k % 7, w[k] = 1 + k % 5, _dv = 1. By hand, for 2 <= k <= n-3:
    // _du[k] = w[k] + 0.5 + 0.5; _du[0] = 0.5; _du[1] = w[1] + 0.5; _dw[k] = u[k] for 1..n-2.
    const std::string mainC = R"(#include <stdio.h>
void d_stencil(float* u, float* _du, float* w, float* _dw, float* _dv, int n, int* _dn);
enum { N = 2000 };
static float u[N], du[N], w[N], dw[N], dv[N];
int main(void) {
    for (int k = 0; k < N; k++) { u[k] = (float)(k % 7); w[k] = (float)(1 + k % 5); dv[k] = 1.0f; }
    int dn = 0;
    d_stencil(u, du, w, dw, dv, N, &dn);
    int bad = 0;
    for (int k = 2; k < N - 2; k++) if (du[k] != w[k] + 1.0f || dw[k] != u[k] || dv[k] != 0.0f) bad++;
    printf("%d %g %g %g %g %g\n", bad, du[0], du[1], du[N - 2], du[N - 1], dv[N - 1]);
    return 0;
})";
    BuildOptions omp;
    omp.threads = 4;
    BuildOptions seq;
    seq.openmp = false;
    RunResult a = buildAndRun(unit, mainC, omp);
    RunResult b = buildAndRun(unit, mainC, seq);
    ASSERT_TRUE(a.compiled) << a.compilerOutput;
    ASSERT_TRUE(b.compiled) << b.compilerOutput;
    EXPECT_EQ(b.compilerOutput, "") << "warnings without -fopenmp";
    // du[N-2] = w[N-2] + 0.5 (1998 % 5 = 3 -> w = 4): 4.5; du[N-1] = 0.5.
    EXPECT_EQ(a.out, "0 0.5 2.5 4.5 0.5 1\n") << a.err;
    EXPECT_EQ(a.out, b.out);
}

}  // namespace
}  // namespace lomaw::codegen::test
