# Out parameters and unbounded arrays cannot be private / firstprivate (position: the name).

def f(x : In[Array[float]], y : Out[Array[float]], s : Out[float], n : In[int]):
    #pragma omp parallel for shared(y) private(s) firstprivate(x)
    for i in range(n):
        y[i] = 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:48 omp-private-type
# ERROR: 4:64 omp-private-type
