# Each thread has its own copy of every In scalar or struct parameter (initialised from the
# caller's value) and its own locals, each zero-initialised.

@simd
def own_copy(k : In[int], y : Out[Array[int]]):
    k = k + thread_id()
    y[thread_id()] = k

# with per-thread copies y[i] = 100 + i (a shared k would accumulate); k prints as passed
# RUN: own_copy --threads 4 [100, [0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [100, [100, 101, 102, 103]]}

class P:
    a : float
    b : float

@simd
def own_struct(p : In[P], y : Out[Array[float]]):
    p.a = p.a + thread_id()
    y[thread_id()] = p.a * p.b

# each thread starts from {1, 2}: y[i] = (1 + i) * 2
# RUN: own_struct --threads 3 [{"a": 1, "b": 2}, [0, 0, 0]]
# EXPECT: {"return": null, "args": [{"a": 1, "b": 2}, [2, 4, 6]]}

@simd
def own_locals(y : Out[Array[float]]):
    acc : float
    acc = acc + 1.0 + thread_id()
    y[thread_id()] = acc

# locals are per thread and start at 0: y[i] = 1 + i
# RUN: own_locals --threads 3 [[9, 9, 9]]
# EXPECT: {"return": null, "args": [[1, 2, 3]]}
