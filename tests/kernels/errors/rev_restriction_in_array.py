# A function under rev_diff must not write an element of an In array; the write also carries the
# in-array-write warning (position: the assignment).

def f(x : In[Array[float]], n : In[int]) -> float:
    x[0] = 1.0
    return x[0] * 2.0

g = rev_diff(f)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:5 rev-restriction
# WARNING: 5:5 in-array-write
