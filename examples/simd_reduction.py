"""A @simd reduction and its reverse-mode derivative: each thread adds x[i]^2 into s with
atomic_add; the adjoint kernel gives every thread its own _dx[i] += 2 x[i] _ds.
"""

@simd
def sum_squares(x : In[Array[float]], s : Out[float]):
    i : int = thread_id()
    atomic_add(s, x[i] * x[i])

r_sum_squares = rev_diff(sum_squares)

# 1 + 4 + 9 + 16 = 30
# RUN: sum_squares --threads 4 [[1, 2, 3, 4], 0.0]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4], 30]}
# d s / d x[i] = 2 x[i]
# RUN: r_sum_squares --threads 4 [[1, 2, 3, 4], [0, 0, 0, 0], 1.0]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4], [2, 4, 6, 8], 1]}
