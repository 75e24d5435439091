# Warnings alone do not fail the check: exit status 0.

import math

class S:
    v : float = 2.0

@cache
def f(x : In[Array[float]], n : In[int]) -> float:
    s : float = 1e40
    x[0] = s
    #pragma omp parallel for collapse(1) reduction(+:s)
    for i in range(n):
        s = s + x[i]
    return s

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 3:1 import-ignored
# WARNING: 6:17 member-default-ignored
# WARNING: 8:1 unknown-decorator
# WARNING: 10:17 float-literal-overflow
# WARNING: 11:5 in-array-write
# WARNING: 12:30 omp-unknown-clause
