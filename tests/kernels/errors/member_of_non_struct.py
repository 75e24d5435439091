# .member on something that is not a struct (position: the access).

def f(n : In[int], a : In[Array[float]]) -> float:
    y : float = n.x
    z : float = a.len
    return y + z

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:17 member-of-non-struct
# ERROR: 5:17 member-of-non-struct
