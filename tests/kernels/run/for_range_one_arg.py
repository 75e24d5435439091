# for i in range(stop): i = 0, 1, ..., stop - 1 [ext]

def sum_first(x : In[Array[float]], n : In[int]) -> float:
    s : float
    for i in range(n):
        s = s + x[i] * i
    return s

# 1*0 + 2*1 + 3*2 + 4*3 = 20
# RUN: sum_first [[1, 2, 3, 4], 4]
# EXPECT: {"return": 20.0, "args": [[1, 2, 3, 4], 4]}

def squares(y : Out[Array[int]]):
    for k in range(5):
        y[k] = k * k

# RUN: squares [[9, 9, 9, 9, 9, 9]]
# EXPECT: {"return": null, "args": [[0, 1, 4, 9, 16, 9]]}
