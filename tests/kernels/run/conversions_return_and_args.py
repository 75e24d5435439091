# Implicit conversions of return values and of arguments for In scalar parameters.

def ret_int(x : In[float]) -> int:
    return x * 2.0

# 1.45 * 2 = 2.9 (float32 ~2.9000001) -> truncated to 2
# RUN: ret_int [1.45]
# EXPECT: {"return": 2, "args": [1.45]}

def ret_float(a : In[int], b : In[int]) -> float:
    return a / b

# int division 7 / 2 = 3, then converted: 3.0
# RUN: ret_float [7, 2]
# EXPECT: {"return": 3.0, "args": [7, 2]}

def takes_int(n : In[int]) -> int:
    return n * 10

def takes_float(x : In[float]) -> float:
    return x / 4

def caller(x : In[float], n : In[int]) -> float:
    return takes_int(x) + takes_float(n)

# takes_int(2.75) receives trunc(2.75) = 2 -> 20; takes_float(3) receives 3.0 -> 0.75; 20.75
# RUN: caller [2.75, 3]
# EXPECT: {"return": 20.75, "args": [2.75, 3]}
# x = -2.75 -> -2 -> -20; n = -3 -> -0.75; -20.75
# RUN: caller [-2.75, -3]
# EXPECT: {"return": -20.75, "args": [-2.75, -3]}
