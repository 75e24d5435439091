# Decorators take no arguments and appear at most once (position: the '@').

@simd(8)
def k(y : Out[Array[float]]):
    y[0] = 1.0

@simd
@simd
def k2(y : Out[Array[float]]):
    y[0] = 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 3:1 bad-decorator
# ERROR: 8:1 bad-decorator
