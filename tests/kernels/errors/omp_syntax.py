# Malformed pragma text: an unclosed parenthesis (position: that parenthesis), a clause without
# its list (position: the clause).

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(x, y
    for i in range(n):
        y[i] = x[i]
    #pragma omp parallel for private
    for j in range(n):
        y[j] = x[j]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:36 omp-syntax
# ERROR: 8:30 omp-syntax
