# Not valid Python: an unmatched ')' (position: the unexpected token).

def f(x : In[float]) -> float:
    y : float = x * 2.0 )
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:25 syntax-error
