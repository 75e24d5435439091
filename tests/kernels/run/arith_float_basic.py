# Float arithmetic: + - * / with precedence; every operation is single precision.

def poly(x : In[float]) -> float:
    return 2.0 * x * x - 3.0 * x + 0.5

# x = 1.5: 2*2.25 - 4.5 + 0.5 = 4.5 - 4.5 + 0.5 = 0.5 (all exact in binary)
# RUN: poly [1.5]
# EXPECT: {"return": 0.5, "args": [1.5]}
# x = -2: 8 + 6 + 0.5 = 14.5
# RUN: poly [-2.0]
# EXPECT: {"return": 14.5, "args": [-2]}

def quotient(a : In[float], b : In[float]) -> float:
    return a / b / 2.0

# (a / b) / 2 = (1 / 4) / 2 = 0.125 (left associative; a / (b / 2) would be 0.5)
# RUN: quotient [1.0, 4.0]
# EXPECT: {"return": 0.125, "args": [1, 4]}
# 10 / 3 / 2 = 1.6666667
# RUN: quotient [10.0, 3.0]
# EXPECT: {"return": 1.66666667, "args": [10, 3]}
