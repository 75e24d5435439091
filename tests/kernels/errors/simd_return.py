# A @simd function has no return type (position: the return type).

@simd
def k(x : In[Array[float]]) -> float:
    y : float = x[thread_id()]
    return y

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:32 simd-return
