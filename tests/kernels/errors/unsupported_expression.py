# Python expressions outside the subset (position: the expression).

import math

def f(x : In[float]) -> float:
    a : float
    b : int
    a = [1.0, 2.0]
    b = True
    b = None
    a = "text"
    a = lambda: 1.0
    a = {1.0}
    a = 2j
    a = math.sin(x)
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 3:1 import-ignored
# ERROR: 8:9 unsupported-expression
# ERROR: 9:9 unsupported-expression
# ERROR: 10:9 unsupported-expression
# ERROR: 11:9 unsupported-expression
# ERROR: 12:9 unsupported-expression
# ERROR: 13:9 unsupported-expression
# ERROR: 14:9 unsupported-expression
# ERROR: 15:9 unsupported-expression
