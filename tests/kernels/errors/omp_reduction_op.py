# Only reduction(+:...) is supported (position: the reduction clause).

def f(x : In[Array[float]], n : In[int]) -> float:
    p : float = 1.0
    #pragma omp parallel for shared(x) reduction(*:p)
    for i in range(n):
        p = p * x[i]
    return p

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:40 omp-reduction-op
