# and / or: operands are true when non-zero (NaN too); result 1 or 0, typed like comparisons.

def logic(a : In[float], b : In[float], r : Out[Array[float]]):
    r[0] = a and b
    r[1] = a or b
    r[2] = a and b and 1.0
    r[3] = 0.0 or 0.0 or b

# a = 2.5, b = -3: both true -> 1, 1, 1, 1
# RUN: logic [2.5, -3.0, [9, 9, 9, 9]]
# EXPECT: {"return": null, "args": [2.5, -3, [1, 1, 1, 1]]}
# a = 2.5, b = 0: and -> 0, or -> 1, chain with b -> 0, 0 or 0 or 0 -> 0
# RUN: logic [2.5, 0.0, [9, 9, 9, 9]]
# EXPECT: {"return": null, "args": [2.5, 0, [0, 1, 0, 0]]}
# a = NaN is true: NaN and 0 -> 0, NaN or 0 -> 1
# RUN: logic ["nan", 0.0, [9, 9, 9, 9]]
# EXPECT: {"return": null, "args": ["nan", 0, [0, 1, 0, 0]]}

def precedence() -> int:
    return 1 or 0 and 0

# and binds tighter: 1 or (0 and 0) = 1 (left-to-right would give (1 or 0) and 0 = 0)
# RUN: precedence
# EXPECT: {"return": 1, "args": []}

def typed(r : Out[Array[float]]):
    r[0] = (2 and 3) / 2
    r[1] = (2.0 and 3) / 2
    r[2] = (0 or 5) / 2

# int operands give int 1: 1 / 2 = 0; a float operand gives 1.0: 0.5; (0 or 5) is int 1: 0
# RUN: typed [[9, 9, 9]]
# EXPECT: {"return": null, "args": [[0, 0.5, 0]]}
