# A local Array[float, N] can be passed for an Array[float] parameter [ext]; a parameter of type
# Array[float, N] requires exactly that type and takes a JSON list of exactly N elements.

def sum_n(x : In[Array[float]], n : In[int]) -> float:
    s : float
    for i in range(n):
        s = s + x[i]
    return s

def fill(y : Out[Array[float]], n : In[int]):
    for i in range(n):
        y[i] = i * 1.5

def sum3(v : In[Array[float, 3]]) -> float:
    return v[0] + v[1] + v[2]

def driver(k : In[float]) -> float:
    buf : Array[float, 4]
    three : Array[float, 3]
    fill(buf, 4)
    buf[3] = k
    fill(three, 3)
    three[0] = 2.0
    return sum_n(buf, 4) + sum3(three) * 100.0

# buf = [0, 1.5, 3, 4.5] then buf[3] = 10 -> sum 14.5; three = [0, 1.5, 3] then [2, 1.5, 3]
# -> 6.5 * 100 = 650; total 664.5
# RUN: driver [10.0]
# EXPECT: {"return": 664.5, "args": [10]}

# a static array parameter called directly
# RUN: sum3 [[1, 2, 3.5]]
# EXPECT: {"return": 6.5, "args": [[1, 2, 3.5]]}

def set_pair(p : Out[Array[int, 2]], a : In[int]):
    p[0] = a
    p[1] = a * a

# RUN: set_pair [[0, 0], 7]
# EXPECT: {"return": null, "args": [[7, 49], 7]}
