# Kernels of bench_omp (issue 4, OpenMP adjoint scopes): 1-D loops over 10^7 elements whose
# reverse-mode adjoint loops run in parallel. tests/bench/CMakeLists.txt emits this file three
# times (`lomaw emit --stage c`): with the scopes the analysis decides (shared where safe), with
# every adjoint forced atomic (--adjoint-scope '*=atomic') and with every read-only array
# forced to a reduction over per-thread copies (--adjoint-scope '*=reduction').

# Every array read at the loop's own index i: the analysis makes every adjoint shared
# (_du, _dw: "reads use the index i"; _dv: write-only). The sin keeps the loop compute-bound.
def pointwise(u : In[Array[float]], w : In[Array[float]], v : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(u, w, v)
    for i in range(1, n - 1):
        v[i] = w[i] * sin(u[i]) + u[i] * u[i]

d_pointwise = rev_diff(pointwise)

# A genuine 3-point stencil: u read at i-1, i, i+1, so neighbouring iterations update the same
# _du element; the analysis makes _du atomic (an unbounded array), _dw and _dv shared.
def stencil(u : In[Array[float]], w : In[Array[float]], v : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(u, w, v)
    for i in range(1, n - 1):
        v[i] = w[i] * sin(u[i]) + 0.25 * (u[i - 1] * u[i - 1] + u[i + 1] * u[i + 1])

d_stencil = rev_diff(stencil)
