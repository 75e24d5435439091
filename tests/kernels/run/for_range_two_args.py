# for i in range(start, stop): start, start + 1, ..., stop - 1 [ext]

def partial(x : In[Array[float]], a : In[int], b : In[int]) -> float:
    s : float
    for i in range(a, b):
        s = s + x[i]
    return s

# indices 1..3: 20 + 30 + 40 = 90
# RUN: partial [[10, 20, 30, 40, 50], 1, 4]
# EXPECT: {"return": 90.0, "args": [[10, 20, 30, 40, 50], 1, 4]}

def count(a : In[int], b : In[int]) -> int:
    c : int
    for i in range(a, b):
        c = c + 1
    return c

# negative start: -3..2 is 6 iterations
# RUN: count [-3, 3]
# EXPECT: {"return": 6, "args": [-3, 3]}
