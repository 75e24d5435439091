# Non-finite floats travel in and out of lomaw run as the strings "inf", "-inf" and "nan".

def pass_through(x : In[float], y : In[float], z : In[float], a : Out[Array[float]]) -> float:
    a[0] = x * 2.0
    a[1] = y + 1.0
    a[2] = z * 0.0
    a[3] = x + y
    return 1.0 / x

# 2 inf = inf, -inf + 1 = -inf, NaN * 0 = NaN, inf + -inf = NaN, 1 / inf = 0
# RUN: pass_through ["inf", "-inf", "nan", [0, 0, 0, 0]]
# EXPECT: {"return": 0.0, "args": ["inf", "-inf", "nan", ["inf", "-inf", "nan", "nan"]]}

def in_array(x : In[Array[float]]) -> float:
    return x[0] - x[1]

# inf - 1 = inf
# RUN: in_array [["inf", 1.0]]
# EXPECT: {"return": "inf", "args": [["inf", 1]]}

def overflow(x : In[float]) -> float:
    return x * x

# 1e20 squared overflows float32 (max ~3.4e38) -> inf
# RUN: overflow [1e20]
# EXPECT: {"return": "inf", "args": [1e20]}
