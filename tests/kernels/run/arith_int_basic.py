# Integer +, -, * with precedence and left associativity.

def int_ops(a : In[int], b : In[int], c : In[int]) -> int:
    return a + b * c - (a - b) - c

# 2 + 3*4 - (2 - 3) - 4 = 2 + 12 + 1 - 4 = 11
# RUN: int_ops [2, 3, 4]
# EXPECT: {"return": 11, "args": [2, 3, 4]}

def left_assoc(a : In[int], b : In[int], c : In[int]) -> int:
    return a - b - c

# (10 - 3) - 2 = 5, not 10 - (3 - 2) = 9
# RUN: left_assoc [10, 3, 2]
# EXPECT: {"return": 5, "args": [10, 3, 2]}

def grouped(a : In[int], b : In[int], c : In[int]) -> int:
    return (a + b) * (c - a) * 2

# (3 + 4) * (10 - 3) * 2 = 7 * 7 * 2 = 98; with negatives: (-3 + 4) * (-10 + 3) * 2 = 1 * -7 * 2 = -14
# RUN: grouped [3, 4, 10]
# EXPECT: {"return": 98, "args": [3, 4, 10]}
# RUN: grouped [-3, 4, -10]
# EXPECT: {"return": -14, "args": [-3, 4, -10]}
