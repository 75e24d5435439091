# Errors and warnings from different items of a module, all in one run.

import numpy

class S:
    a : Vec3
    b : float = 1.0

def f(x : float) -> float:
    return 1.0

@inline
def g(n : In[int]) -> int:
    return h(n)

def g(n : In[int]) -> int:
    return n

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 3:1 import-ignored
# ERROR: 6:9 unknown-type
# WARNING: 7:17 member-default-ignored
# ERROR: 9:7 missing-annotation
# WARNING: 12:1 unknown-decorator
# ERROR: 14:12 unknown-function
# ERROR: 16:5 duplicate-definition
