# A pragma not directly above a for, any other #pragma line, and a pragma inside a @simd
# function are ignored (position: the '#').

def f(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    s : float
#pragma omp parallel for
    s = 1.0
    #pragma omp simd
    for i in range(n):
        s = s + x[i]
    #pragma omp parallel for

    for j in range(n):
        y[j] = 0.0
    return s

@simd
def k(y : Out[Array[float]]):
    #pragma omp parallel for
    for i in range(2):
        y[thread_id() * 2 + i] = 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 6:1 pragma-ignored
# WARNING: 8:5 pragma-ignored
# WARNING: 11:5 pragma-ignored
# WARNING: 19:5 pragma-ignored
