# Integer division is C division: it truncates toward zero (loma), never floors.

def divs(a : In[int], b : In[int], q : Out[Array[int]]):
    q[0] = a / b
    q[1] = (0 - a) / b
    q[2] = a / (0 - b)
    q[3] = (0 - a) / (0 - b)
    q[4] = b / a

# 7/2 = 3; -7/2 = -3 (floor would be -4); 7/-2 = -3; -7/-2 = 3; 2/7 = 0
# RUN: divs [7, 2, [9, 9, 9, 9, 9]]
# EXPECT: {"return": null, "args": [7, 2, [3, -3, -3, 3, 0]]}
# 9/3 = 3 exactly, -9/3 = -3, 9/-3 = -3, -9/-3 = 3, 3/9 = 0
# RUN: divs [9, 3, [0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [9, 3, [3, -3, -3, 3, 0]]}

def int_div_then_float() -> float:
    return 1 / 3 * 3.0

# (1 / 3) is int division = 0, then 0 * 3.0 = 0.0 (not 1.0)
# RUN: int_div_then_float
# EXPECT: {"return": 0.0, "args": []}

def mixed_div(a : In[int]) -> float:
    return a / 2.0

# 7 / 2.0: the int operand is converted, float division gives 3.5
# RUN: mixed_div [7]
# EXPECT: {"return": 3.5, "args": [7]}
