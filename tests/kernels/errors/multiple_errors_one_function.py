# All independent errors of a function are reported in one run, sorted by position.

def f(x : In[float], a : In[Array[float]]) -> float:
    y : float
    z = x
    y = nofunc(x)
    y = x[0] + a[1.5]
    y = sqrt(x, x)
    if x > 0.0:
        w : float = 1.0
    return y

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:5 undeclared-variable
# ERROR: 6:9 unknown-function
# ERROR: 7:9 index-non-array
# ERROR: 7:18 index-type
# ERROR: 8:9 call-arguments
# ERROR: 10:9 declaration-not-outermost
