# reduction(+:s): each thread's copy starts at 0; after the loop the original holds its entry
# value plus all copies' final values [ext].

def total(x : In[Array[float]], n : In[int]) -> float:
    s : float = 100.0
    #pragma omp parallel for shared(x) reduction(+:s)
    for i in range(n):
        s = s + x[i]
    return s

# entry value 100 plus 1 + 2 + ... + 10 = 55 -> 155
# RUN: total [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10]
# EXPECT: {"return": 155.0, "args": [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 10]}

def int_and_float(x : In[Array[float]], n : In[int], cnt : Out[int]) -> float:
    s : float
    c : int = 1000
    #pragma omp parallel for shared(x) reduction(+:s, c)
    for i in range(n):
        s = s + x[i] * x[i]
        if x[i] > 2.0:
            c = c + 1
    cnt = c
    return s

# sum of squares 1 + 4 + 9 + 16 + 25 = 55; elements > 2: 3 of 5, added to the entry 1000
# RUN: int_and_float [[1, 2, 3, 4, 5], 5, 0]
# EXPECT: {"return": 55.0, "args": [[1, 2, 3, 4, 5], 5, 1003]}

def stencil(u : In[Array[float]], v : Out[Array[float]], n : In[int]) -> float:
    s : float
    t : float
    #pragma omp parallel for shared(u, v) private(t) reduction(+:s)
    for i in range(1, n - 1):
        t = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]
        v[i] = t
        s = s + t
    return s

# u = [0, 4, 8, 4, 0]: v[1] = 0 + 2 + 2 = 4, v[2] = 1 + 4 + 1 = 6, v[3] = 2 + 2 + 0 = 4; s = 14
# RUN: stencil [[0, 4, 8, 4, 0], [0, 0, 0, 0, 0], 5]
# EXPECT: {"return": 14.0, "args": [[0, 4, 8, 4, 0], [0, 4, 6, 4, 0], 5]}
