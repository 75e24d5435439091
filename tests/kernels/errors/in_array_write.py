# Writing an element of an In array writes the caller's buffer (position: the assignment).

class P:
    m : float

def f(x : In[Array[float]], ps : In[Array[P]]):
    x[0] = 1.0
    ps[1].m = 2.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 7:5 in-array-write
# WARNING: 8:5 in-array-write
