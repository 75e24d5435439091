# The loop variable may only be listed as private (position: the name).

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    s : float
    #pragma omp parallel for shared(x, y, i)
    for i in range(n):
        y[i] = x[i]
    #pragma omp parallel for shared(x) reduction(+:s) firstprivate(j)
    for j in range(n):
        s = s + x[j]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:43 omp-loop-var
# ERROR: 8:68 omp-loop-var
