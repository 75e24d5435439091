# Clauses other than shared/private/firstprivate/reduction/default are ignored (position: the
# clause).

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for schedule(static) shared(x, y) nowait
    for i in range(n):
        y[i] = x[i]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 5:30 omp-unknown-clause
# WARNING: 5:60 omp-unknown-clause
