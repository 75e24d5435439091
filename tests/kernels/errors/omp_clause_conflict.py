# A variable may appear in at most one clause (position: its second listing).

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    t : float
    #pragma omp parallel for shared(x, y, t) private(t)
    for i in range(n):
        t = x[i]
        y[i] = t

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:54 omp-clause-conflict
