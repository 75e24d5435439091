# --threads 0 runs nothing: every argument keeps its value.

@simd
def fill(y : Out[Array[float]], s : Out[float]):
    y[thread_id()] = 1.0
    atomic_add(s, 1.0)

# RUN: fill --threads 0 [[5, 6], 7.0]
# EXPECT: {"return": null, "args": [[5, 6], 7]}
# RUN: fill --threads 2 [[5, 6], 7.0]
# EXPECT: {"return": null, "args": [[1, 1], 9]}
