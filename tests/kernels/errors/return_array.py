# Arrays cannot be returned (position: the return type).

def f(x : In[Array[float]]) -> Array[float]:
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 3:32 return-array
