# int2float (int -> nearest float) and float2int (truncation toward zero).

def to_int(x : In[float]) -> int:
    return float2int(x)

# truncation toward zero: 2.7 -> 2, -2.7 -> -2, 0.99 -> 0, -0.5 -> 0
# RUN: to_int [2.7]
# EXPECT: {"return": 2, "args": [2.7]}
# RUN: to_int [-2.7]
# EXPECT: {"return": -2, "args": [-2.7]}
# RUN: to_int [0.99]
# EXPECT: {"return": 0, "args": [0.99]}
# RUN: to_int [-0.5]
# EXPECT: {"return": 0, "args": [-0.5]}

def to_float(n : In[int]) -> float:
    return int2float(n) / 2

# int2float(7) = 7.0, then float / int -> 3.5 (int division would give 3)
# RUN: to_float [7]
# EXPECT: {"return": 3.5, "args": [7]}

def big(n : In[int]) -> float:
    return int2float(n) - 16777216.0

# 16777217 has no exact float: int2float rounds to nearest, 16777216 -> 0
# RUN: big [16777217]
# EXPECT: {"return": 0.0, "args": [16777217]}
