# Python statements outside the subset (position: the statement).

def f(x : In[float], n : In[int]) -> float:
    y : float = x
    a : float
    b : float
    i : int
    y += 1.0
    a = b = y
    while (i < n, max_iter := 10):
        i = i + 1
        break
    if y > 0.0:
        y = 2.0
        pass
    y
    del a
    assert y
    for k in range(3):
        y = y + 1.0
        continue
    return y

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:5 unsupported-statement
# ERROR: 9:5 unsupported-statement
# ERROR: 12:9 unsupported-statement
# ERROR: 15:9 unsupported-statement
# ERROR: 16:5 unsupported-statement
# ERROR: 17:5 unsupported-statement
# ERROR: 18:5 unsupported-statement
# ERROR: 21:9 unsupported-statement
