# Every parameter must be annotated In[T] or Out[T] (position: the parameter).

def f(x : float) -> float:
    return 1.0

def g(y, z : In[float]) -> float:
    return z

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 3:7 missing-annotation
# ERROR: 6:7 missing-annotation
