# Operators outside the subset (position: the operator).

def f(a : In[float], b : In[float], n : In[int]) -> float:
    r : float
    k : int
    r = a != b
    r = not a
    k = n % 2
    k = n // 2
    r = a ** 2.0
    r = +a
    k = ~n
    k = n << 1
    k = n & 1
    r = a is b
    return r

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:11 unsupported-operator
# ERROR: 7:9 unsupported-operator
# ERROR: 8:11 unsupported-operator
# ERROR: 9:11 unsupported-operator
# ERROR: 10:11 unsupported-operator
# ERROR: 11:9 unsupported-operator
# ERROR: 12:9 unsupported-operator
# ERROR: 13:11 unsupported-operator
# ERROR: 14:11 unsupported-operator
# ERROR: 15:11 unsupported-operator
