# atomic_add(t, v) is the race-free way to combine into a shared location.

@simd
def total(x : In[Array[float]], s : Out[float]):
    atomic_add(s, x[thread_id()])

# s starts at the passed 10 (Out keeps the caller's value): 10 + 1 + 2 + 3 + 4 = 20
# RUN: total --threads 4 [[1, 2, 3, 4], 10.0]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4], 20]}

@simd
def count(c : Out[Array[float]]):
    atomic_add(c[0], 1)
    atomic_add(c[1], thread_id())

# the int values are converted: c[0] counts threads (64), c[1] = 0 + 1 + ... + 63 = 2016
# RUN: count --threads 64 [[0, 0]]
# EXPECT: {"return": null, "args": [[64, 2016]]}

class Acc:
    sum : float
    n : int

def add_all(x : In[Array[float]], n : In[int], a : Out[Acc]):
    for i in range(n):
        atomic_add(a.sum, x[i])
    a.n = n

# atomic_add is legal in ordinary functions too, on any float lvalue (here a struct member)
# RUN: add_all [[0.5, 1.5, 2], 3, {"sum": 1, "n": 0}]
# EXPECT: {"return": null, "args": [[0.5, 1.5, 2], 3, {"sum": 5, "n": 3}]}
