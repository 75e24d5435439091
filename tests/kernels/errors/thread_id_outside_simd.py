# thread_id() is legal only in the body of a @simd function itself, not in functions it calls
# (position: the call).

def f() -> int:
    y : int = thread_id()
    return y

def helper(y : Out[Array[int]]):
    y[0] = thread_id()

@simd
def k(y : Out[Array[int]]):
    helper(y)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:15 thread-id-outside-simd
# ERROR: 9:12 thread-id-outside-simd
