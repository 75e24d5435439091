# The callee is not a function of the module nor an intrinsic (position: the call).

def f(x : In[float]) -> float:
    y : float
    y = bar(x)
    baz(x, y)
    return y

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:9 unknown-function
# ERROR: 6:5 unknown-function
