# @simd kernels run their body once per thread with thread_id() = 0 .. N-1 (--threads N).

@simd
def saxpy(a : In[float], x : In[Array[float]], y : Out[Array[float]]):
    i : int = thread_id()
    y[i] = a * x[i] + y[i]

# 3 threads touch y[0..2]; y[3] is untouched
# RUN: saxpy --threads 3 [2.0, [1, 2, 3, 4], [10, 20, 30, 40]]
# EXPECT: {"return": null, "args": [2, [1, 2, 3, 4], [12, 24, 36, 40]]}

@simd
def ids(out : Out[Array[int]]):
    out[thread_id()] = thread_id() * 10

# RUN: ids --threads 5 [[-1, -1, -1, -1, -1, -1]]
# EXPECT: {"return": null, "args": [[0, 10, 20, 30, 40, -1]]}

def sq(v : In[float]) -> float:
    return v * v

@simd
def calls_ordinary(x : In[Array[float]], y : Out[Array[float]]):
    y[thread_id()] = sq(x[thread_id()]) + 0.5

# a @simd function may call ordinary functions
# RUN: calls_ordinary --threads 3 [[1, 2, 3], [0, 0, 0]]
# EXPECT: {"return": null, "args": [[1, 2, 3], [1.5, 4.5, 9.5]]}
