# @simd functions are entry points only; kernel code cannot call them (position: the call).

@simd
def k(y : Out[Array[float]]):
    y[thread_id()] = 1.0

def f(y : Out[Array[float]]):
    k(y)

@simd
def k2(y : Out[Array[float]]):
    k(y)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:5 simd-call
# ERROR: 12:5 simd-call
