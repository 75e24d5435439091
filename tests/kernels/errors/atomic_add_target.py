# The first argument of atomic_add must be a float lvalue (position: that argument).

def f(x : In[float], z : Out[Array[float]]) -> float:
    n : int
    atomic_add(n, 1)
    atomic_add(2.0, x)
    atomic_add(sin(x), x)
    atomic_add(z[0], x)
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:16 atomic-add-target
# ERROR: 6:16 atomic-add-target
# ERROR: 7:16 atomic-add-target
