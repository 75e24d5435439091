# Unbounded array parameters: the length travels in a separate int parameter.

def mean(x : In[Array[float]], n : In[int]) -> float:
    s : float
    i : int
    while (i < n, max_iter := 100):
        s = s + x[i]
        i = i + 1
    return s / n

# (1 + 2 + 3 + 6) / 4 = 3
# RUN: mean [[1, 2, 3, 6], 4]
# EXPECT: {"return": 3.0, "args": [[1, 2, 3, 6], 4]}

def axpy(a : In[float], x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    for i in range(n):
        y[i] = a * x[i] + y[i]

# y = 2 * [1, 2, 3] + [10, 20, 30] = [12, 24, 36]; only n = 3 of 4 elements touched
# RUN: axpy [2.0, [1, 2, 3, 4], [10, 20, 30, 40], 3]
# EXPECT: {"return": null, "args": [2, [1, 2, 3, 4], [12, 24, 36, 40], 3]}

def count_pos(v : In[Array[int]], n : In[int]) -> int:
    c : int
    for i in range(n):
        c = c + (v[i] > 0)
    return c

# int arrays: 3 positive of 5
# RUN: count_pos [[1, -2, 3, 0, 9], 5]
# EXPECT: {"return": 3, "args": [[1, -2, 3, 0, 9], 5]}
