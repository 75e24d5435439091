# @openMpi does not change single-call semantics (lomaw run makes one in-process call); it may
# be combined with @simd in any order. Unknown decorators are ignored with a warning.

@openMpi
def area(r : In[float]) -> float:
    return 3.0 * r * r

# RUN: area [2.0]
# EXPECT: {"return": 12.0, "args": [2]}

@openMpi
@simd
def scale(x : In[Array[float]], y : Out[Array[float]]):
    y[thread_id()] = x[thread_id()] * 4.0

# RUN: scale --threads 2 [[1, 2], [0, 0]]
# EXPECT: {"return": null, "args": [[1, 2], [4, 8]]}

@jit
def plain(a : In[int]) -> int:
    return a + 1

# @jit is unknown: warning unknown-decorator, the function is an ordinary one
# RUN: plain [41]
# EXPECT: {"return": 42, "args": [41]}
