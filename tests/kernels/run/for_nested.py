# Nested for loops; sibling loops may reuse a loop variable name; the loop variable exists only
# inside its body.

def matvec(a : In[Array[float]], x : In[Array[float]], y : Out[Array[float]], n : In[int], m : In[int]):
    for i in range(n):
        y[i] = 0.0
        for j in range(m):
            y[i] = y[i] + a[i * m + j] * x[j]

# [[1, 2, 3], [4, 5, 6]] . [1, 0, -1] = [1 - 3, 4 - 6] = [-2, -2]
# RUN: matvec [[1, 2, 3, 4, 5, 6], [1, 0, -1], [0, 0], 2, 3]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4, 5, 6], [1, 0, -1], [-2, -2], 2, 3]}

def siblings(n : In[int]) -> int:
    s : int
    for i in range(n):
        s = s + i
    for i in range(n):
        s = s + 10 * i
    for i in range(n):
        for j in range(i):
            s = s + 100
    return s

# n = 4: 0+1+2+3 = 6; 10 * 6 = 60; pairs j < i: 0+1+2+3 = 6 -> 600; total 666
# RUN: siblings [4]
# EXPECT: {"return": 666, "args": [4]}

def mixed_loops(n : In[int]) -> int:
    k : int
    c : int
    for i in range(n):
        k = 0
        while (k < i, max_iter := 10):
            c = c + 1
            k = k + 1
    return c

# for inside while-free code, while inside for: 0 + 1 + 2 + 3 + 4 = 10 for n = 5
# RUN: mixed_loops [5]
# EXPECT: {"return": 10, "args": [5]}
