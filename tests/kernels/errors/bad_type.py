# Malformed type annotations (position: the offending type expression).

class S:
    m : Diff[float]

def f(x : In[Array[In[float]]], n : In[int]) -> float:
    d : Diff[Array[float]]
    a : Array[float, 0]
    return 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:9 bad-type
# ERROR: 6:20 bad-type
# ERROR: 7:9 bad-type
# ERROR: 8:22 bad-type
