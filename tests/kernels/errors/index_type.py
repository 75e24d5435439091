# Array indices must be int (position: the index expression).

def f(a : In[Array[float]], x : In[float]) -> float:
    y : float = a[0.5]
    z : float = a[x]
    return y + z

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:19 index-type
# ERROR: 5:19 index-type
