# Parallel loops whose reverse derivatives run as parallel adjoint loops
# (engine/ad/ReverseParallelFor.cpp). tests/cli/test_omp_adjoint_threads.cpp runs each derivative with 1, 2 and 4 threads
# (OMP_NUM_THREADS) and compares with gradients derived by hand, written beside each function.

# 1-D stencil: w read at its own index -> _dw shared; v write-only -> _dv shared; u read at
# i-1, i, i+1 -> _du atomic.
# u = [1, 2, 3, 4, 5], w = [10, 20, 30, 40, 50], _dv = 1, n = 5 (i = 1..3):
# _dw[i] = u[i] -> [0, 2, 3, 4, 0]; _du[i] += w[i], _du[i-1] += 0.5, _du[i+1] += 0.5
# -> [0.5, 20.5, 31, 40.5, 0.5]; _dv[1..3] consumed -> [1, 0, 0, 0, 1].
def stencil(u : In[Array[float]], w : In[Array[float]], v : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(u, w, v)
    for i in range(1, n - 1):
        v[i] = w[i] * u[i] + 0.5 * (u[i - 1] + u[i + 1])

d_stencil = rev_diff(stencil)

# Gather through an index array: _du atomic (any element may be hit).
# u = [1, 2, 3], c = [0, 2, 2, 1], _dy = 1: _du[c[i]] += 2 u[c[i]]
# -> _du = [2, 4, 6 + 6] = [2, 4, 12].
def gather(u : In[Array[float]], c : In[Array[int]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for
    for i in range(n):
        y[i] = u[c[i]] * u[c[i]]

d_gather = rev_diff(gather)

# reduction(+:s): _ds firstprivate, k a scalar read by every iteration -> _dk reduction(+).
# x = [1, 2, 3], k = 2, _dreturn = 1: _dx = 2 k x = [4, 8, 12]; _dk = sum x^2 = 14.
def weighted_sum(x : In[Array[float]], k : In[float], n : In[int]) -> float:
    s : float
    #pragma omp parallel for reduction(+:s)
    for i in range(n):
        s = s + k * x[i] * x[i]
    return s

d_weighted_sum = rev_diff(weighted_sum)

# Private temporaries: y = 3x + x*x through t and q; _dx = (3 + 2x) _dy.
# x = [1, 2, 3], _dy = [1, 2, 1]: _dx = [5, 14, 9].
def private_tmp(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    t : float
    q : float
    #pragma omp parallel for private(t, q)
    for i in range(n):
        t = 3.0 * x[i]
        q = x[i] * x[i]
        y[i] = t + q

d_private_tmp = rev_diff(private_tmp)

# Nested loops: y[i] = sum_j a[i*n+j] x[j] with a private accumulator.
# n = 2, a = [1, 2, 3, 4], x = [5, 6], _dy = [1, 1]: _da[i*n+j] = x[j] -> [5, 6, 5, 6];
# _dx[j] = sum_i a[i*n+j] -> [4, 6].
def rows(a : In[Array[float]], x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    acc : float
    #pragma omp parallel for private(acc)
    for i in range(n):
        acc = 0.0
        for j in range(n):
            acc = acc + a[i * n + j] * x[j]
        y[i] = acc

d_rows = rev_diff(rows)

# A private temporary the reverse sweep reads (t * t): each reverse iteration first replays its
# forward part into private tapes (engine/ad/ReverseParallelFor.cpp).
# x = [1, 2], _dy = [1, 1]: y = 4 x^2, _dx = 8 x = [8, 16].
def private_square(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    t : float
    #pragma omp parallel for private(t)
    for i in range(n):
        t = 2.0 * x[i]
        y[i] = t * t

d_private_square = rev_diff(private_square)
