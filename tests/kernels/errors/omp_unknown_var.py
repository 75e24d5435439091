# Every listed name must be a variable of the function (position: the name).

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(x, y, q)
    for i in range(n):
        y[i] = x[i]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:43 omp-unknown-var
