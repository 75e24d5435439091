# Indexing something that is not an array (position: the subscript expression).

def f(x : In[float], n : In[int]) -> float:
    y : float = x[0]
    m : int = n[1]
    return y

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:17 index-non-array
# ERROR: 5:15 index-non-array
