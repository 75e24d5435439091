# The result of a void call (or of atomic_add) used as a value (position: the call).

def g(x : In[float]):
    y : float = x

def f(z : Out[float]) -> float:
    x : float
    x = atomic_add(z, 1.0)
    w : float = g(x)
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:9 void-value
# ERROR: 9:17 void-value
