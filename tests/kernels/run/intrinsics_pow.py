# pow(x, y) = powf; int arguments (either side) are converted.

def p(x : In[float], y : In[float]) -> float:
    return pow(x, y)

# 2^10 = 1024; 2^0.5 = 1.414213562; 1.5^2.5 = 2.755675961; 2^-1 = 0.5   (python3: x ** y)
# RUN: p [2.0, 10.0]
# EXPECT: {"return": 1024.0, "args": [2, 10]}
# RUN: p [2.0, 0.5]
# EXPECT: {"return": 1.414213562, "args": [2, 0.5]}
# RUN: p [1.5, 2.5]
# EXPECT: {"return": 2.755675961, "args": [1.5, 2.5]}
# RUN: p [2.0, -1.0]
# EXPECT: {"return": 0.5, "args": [2, -1]}

def p_int(a : In[int], b : In[int]) -> float:
    return pow(a, b) + pow(9, 0.5)

# ints converted: 3^4 = 81, plus 9^0.5 = 3 -> 84
# RUN: p_int [3, 4]
# EXPECT: {"return": 84.0, "args": [3, 4]}

def p_neg_base(x : In[float]) -> float:
    return pow(x, 3)

# (-2)^3 = -8 (integral exponent, negative base is fine)
# RUN: p_neg_base [-2.0]
# EXPECT: {"return": -8.0, "args": [-2]}
