# Imports are ignored with a warning (position: the statement).

import math
from math import sin as s

def f(x : In[float]) -> float:
    return sin(x)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 3:1 import-ignored
# WARNING: 4:1 import-ignored
