# With default(none) every variable the body uses must be listed; one error per missing name
# (position: its first use in the loop body).

def f(x : In[Array[float]], y : Out[Array[float]], k : In[float], n : In[int]):
    t : float
    #pragma omp parallel for default(none) shared(y)
    for i in range(n):
        t = k * x[i]
        y[i] = t + k

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:9 omp-default-none
# ERROR: 8:13 omp-default-none
# ERROR: 8:17 omp-default-none
