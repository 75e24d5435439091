# Comparisons yield 1 or 0, typed int when both operands are int, float otherwise (loma).

def cmp_int(a : In[int], b : In[int], r : Out[Array[int]]):
    r[0] = a < b
    r[1] = a <= b
    r[2] = a > b
    r[3] = a >= b
    r[4] = a == b

# 3 vs 5: < and <= hold; 5 vs 5: <=, >= and == hold
# RUN: cmp_int [3, 5, [7, 7, 7, 7, 7]]
# EXPECT: {"return": null, "args": [3, 5, [1, 1, 0, 0, 0]]}
# RUN: cmp_int [5, 5, [7, 7, 7, 7, 7]]
# EXPECT: {"return": null, "args": [5, 5, [0, 1, 0, 1, 1]]}

def int_typed(a : In[int], b : In[int]) -> float:
    return (a < b) / 2

# (1 < 2) is int 1; int division 1 / 2 = 0
# RUN: int_typed [1, 2]
# EXPECT: {"return": 0.0, "args": [1, 2]}

def float_typed(a : In[float], b : In[int]) -> float:
    return (a < b) / 2

# (1.0 < 2) is float 1.0; 1.0 / 2 = 0.5
# RUN: float_typed [1.0, 2]
# EXPECT: {"return": 0.5, "args": [1, 2]}

def cmp_float(x : In[float], r : Out[Array[float]]):
    r[0] = x < 1.0
    r[1] = x <= 1.0
    r[2] = x > 1.0
    r[3] = x >= 1.0
    r[4] = x == x
    r[5] = 1 + 2 < 4

# x = 1: <=, >=, == hold; 1 + 2 < 4 is (1 + 2) < 4 = 1 (arithmetic binds tighter)
# RUN: cmp_float [1.0, [5, 5, 5, 5, 5, 5]]
# EXPECT: {"return": null, "args": [1, [0, 1, 0, 1, 1, 1]]}
# any comparison with NaN is 0, even x == x
# RUN: cmp_float ["nan", [5, 5, 5, 5, 5, 5]]
# EXPECT: {"return": null, "args": ["nan", [0, 0, 0, 0, 0, 1]]}
