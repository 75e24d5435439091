# Out array parameters: element writes are visible; untouched elements keep the caller's values.

def evens(y : Out[Array[int]], n : In[int]):
    for i in range(0, n, 2):
        y[i] = i * i

# only indices 0, 2, 4 are written; 1 and 3 keep -1
# RUN: evens [[-1, -1, -1, -1, -1], 5]
# EXPECT: {"return": null, "args": [[0, -1, 4, -1, 16], 5]}

def cumsum(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    y[0] = x[0]
    for i in range(1, n):
        y[i] = y[i - 1] + x[i]

def cumsum_twice(x : In[Array[float]], n : In[int], out : Out[Array[float]]):
    tmp : Array[float, 8]
    cumsum(x, tmp, n)
    cumsum(tmp, out, n)

# cumsum [1, 1, 1, 1] = [1, 2, 3, 4]; again: [1, 3, 6, 10]
# RUN: cumsum_twice [[1, 1, 1, 1], 4, [0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [[1, 1, 1, 1], 4, [1, 3, 6, 10]]}
