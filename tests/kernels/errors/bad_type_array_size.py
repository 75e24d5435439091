# An array size must be an int literal (position: the size).

def f(n : In[int]) -> float:
    b : Array[float, 2.5]
    return 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:22 bad-type
