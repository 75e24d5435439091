# Unknown decorators are ignored with a warning (position: the '@'); exit status 0.

@jit
def f(x : In[float]) -> float:
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 3:1 unknown-decorator
