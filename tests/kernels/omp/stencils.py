# Parallel loops for the OpenMP adjoint scope analysis (docs/omp.md). The scopes expected for
# each loop, derived by hand, are in tests/engine/omp/KernelStencilsTest.cpp.

# Heat step in place: u[i] = u[i] + k*(u[i-1] - 2u[i] + u[i+1]) reads neighbours the next
# iteration writes -> _d_u atomic; k a scalar read by all -> reduction.
def heat_in_place(u : Out[Array[float]], k : In[float], n : In[int]):
    #pragma omp parallel for
    for i in range(1, n - 1):
        u[i] = u[i] + k * (u[i - 1] - 2.0 * u[i] + u[i + 1])

# Red-black pairs with offset reads: writes r[2i], r[2i+1]; reads x[2i+2], x[2i+3] are the
# writes shifted by 2 -> shared. w read at 2i and 2i+2 -> no single offset -> atomic.
def pairs_offset(x : In[Array[float]], w : In[Array[float]], r : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(x, w, r) default(none)
    for i in range(n):
        r[2 * i] = x[2 * i + 2] * w[2 * i]
        r[2 * i + 1] = x[2 * i + 3] * w[2 * i + 2]

# Scatter-add through an index array with atomic_add: the target is written with collisions
# by design, so its reads can't be matched; c int -> null; y read at own index -> shared.
def scatter(y : In[Array[float]], c : In[Array[int]], out : Out[Array[float]], n : In[int]):
    #pragma omp parallel for
    for i in range(n):
        atomic_add(out[c[i]], 2.0 * y[i])

# Matrix-vector rows: a[i][j] read at own row -> shared; x[j] read by every row -> unsafe,
# static size 16 <= 64 -> reduction; acc private; y written at i -> shared.
def matvec(a : In[Array[Array[float, 16], 16]], x : In[Array[float, 16]], y : Out[Array[float, 16]]):
    acc : float
    #pragma omp parallel for private(acc)
    for i in range(16):
        acc = 0.0
        for j in range(16):
            acc = acc + a[i][j] * x[j]
        y[i] = acc
