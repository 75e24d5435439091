# Arrays are not values: no whole-array assignment or initialisation (position: the statement).

def f(b : In[Array[float]]) -> float:
    a : Array[float, 3]
    c : Array[float, 3]
    a = c
    d : Array[float, 3] = c
    b = a
    return a[0]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:5 array-assign
# ERROR: 7:5 array-assign
# ERROR: 8:5 array-assign
