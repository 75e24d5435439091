"""A data-parallel kernel: y = a*x + y over as many threads as elements, and a sum."""

@simd
def saxpy(a : In[float], x : In[Array[float]], y : Out[Array[float]]):
    i : int = thread_id()
    y[i] = a * x[i] + y[i]

@simd
def total(x : In[Array[float]], s : Out[float]):
    atomic_add(s, x[thread_id()])

# y = 2 * [1, 2, 3] + [10, 20, 30] = [12, 24, 36];  total: 1 + 2 + 3 = 6
# RUN: saxpy --threads 3 [2.0, [1, 2, 3], [10, 20, 30]]
# EXPECT: {"return": null, "args": [2, [1, 2, 3], [12, 24, 36]]}
# RUN: total --threads 3 [[1, 2, 3], 0.0]
# EXPECT: {"return": null, "args": [[1, 2, 3], 6]}
