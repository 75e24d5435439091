# A function under rev_diff must not read an Out parameter (position: the read; a note points at
# the derivative declaration).

def f(x : In[float], y : Out[float]) -> float:
    y = x * 2.0
    z : float = y + 1.0
    return z

g = rev_diff(f)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:17 rev-restriction
