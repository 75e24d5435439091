# @simd derivatives (§6.5): per-thread derivatives, adjoints of shared parameters accumulated
# with atomic_add. scale: y[i] = k x[i]^2, so dy[i]/dx[i] = 2 k x[i], dy[i]/dk = x[i]^2.
# reduce: z += x[i] for every thread, so _dx[i] += _dz.

@simd
def scale(x : In[Array[float]], k : In[float], y : Out[Array[float]]):
    i : int = thread_id()
    y[i] = k * x[i] * x[i]

@simd
def reduce(x : In[Array[float]], z : Out[float]):
    atomic_add(z, x[thread_id()])

dscale = fwd_diff(scale)
rscale = rev_diff(scale)
dreduce = fwd_diff(reduce)
rreduce = rev_diff(reduce)

# _dx[i] = 2*2*x[i]; _dk = 1 + 4 + 9 (atomic sum over threads); _dy consumed
# RUN: rscale --threads 3 [[1, 2, 3], [0, 0, 0], 2, 0, [1, 1, 1]]
# EXPECT: {"return": null, "args": [[1, 2, 3], [4, 8, 12], 2, 14, [0, 0, 0]]}
# y[0]: k' x^2 + 2 k x x' = 1 + 4; y[1]: 4
# RUN: dscale --threads 2 [[{"val": 1, "dval": 1}, {"val": 2, "dval": 0}], {"val": 2, "dval": 1}, [{"val": 0, "dval": 0}, {"val": 0, "dval": 0}]]
# EXPECT: {"return": null, "args": [[{"val": 1, "dval": 1}, {"val": 2, "dval": 0}], {"val": 2, "dval": 1}, [{"val": 2, "dval": 5}, {"val": 8, "dval": 4}]]}
# _dx[i] += 1.5
# RUN: rreduce --threads 3 [[1, 2, 3], [0.5, 0, 0], 1.5]
# EXPECT: {"return": null, "args": [[1, 2, 3], [2, 1.5, 1.5], 1.5]}
# z = 10 + 1 + 2, tangent 0.5 + 1 + 2
# RUN: dreduce --threads 2 [[{"val": 1, "dval": 1}, {"val": 2, "dval": 2}], {"val": 10, "dval": 0.5}]
# EXPECT: {"return": null, "args": [[{"val": 1, "dval": 1}, {"val": 2, "dval": 2}], {"val": 13, "dval": 3.5}]}
