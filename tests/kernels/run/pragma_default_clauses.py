# default(none) requires every used variable to be listed; default(private) makes unlisted
# variables private (zero-initialised copies) [ext].

def listed(x : In[Array[float]], y : Out[Array[float]], k : In[float], n : In[int]):
    #pragma omp parallel for default(none) shared(x, y, k)
    for i in range(n):
        for j in range(2):
            y[i] = y[i] + k * x[i]

# every name of the body is listed (loop variables i, j need not be): y = y + 2 k x
# RUN: listed [[1, 2, 3], [1, 1, 1], 0.5, 3]
# EXPECT: {"return": null, "args": [[1, 2, 3], [2, 3, 4], 0.5, 3]}

def unlisted_private(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    t : float = 9.0
    #pragma omp parallel for default(private) shared(x, y)
    for i in range(n):
        y[i] = t + x[i]
    return t

# t is private by default, so its copies start at 0: y = x; the original keeps 9
# RUN: unlisted_private [[4, 5], [0, 0], 2]
# EXPECT: {"return": 9.0, "args": [[4, 5], [4, 5], 2]}
