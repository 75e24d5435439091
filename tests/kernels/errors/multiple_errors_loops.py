# Loop, pragma and condition errors side by side.

class Foo:
    x : float

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int], foo : In[Foo]) -> float:
    s : float
    #pragma omp parallel for shared(x, y, zz) reduction(+:s)
    for i in range(0, n, n):
        i = 0
        s = s + x[i]
    while (foo, max_iter := 4):
        s = s + 1.0
    for j in range(n):
        t : float
        y[j] = s
    return s

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:43 omp-unknown-var
# ERROR: 9:26 range-step
# ERROR: 10:9 loop-var-assign
# ERROR: 12:12 condition-type
# ERROR: 15:9 declaration-not-outermost
