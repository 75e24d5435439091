# At most one default clause (position: the second default clause).

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for default(shared) default(none) shared(x, y)
    for i in range(n):
        y[i] = x[i]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:46 omp-default-dup
