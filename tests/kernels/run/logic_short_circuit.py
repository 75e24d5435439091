# and / or evaluate left to right and stop early: the division is never evaluated when b == 0,
# so no integer-division-by-zero runtime error happens.

def safe_ratio(a : In[int], b : In[int]) -> int:
    return (b == 0) or (a / b > 1)

# b = 0: left side true, right side skipped -> 1
# RUN: safe_ratio [7, 0]
# EXPECT: {"return": 1, "args": [7, 0]}
# b = 2: 0 or (7/2 = 3 > 1) -> 1
# RUN: safe_ratio [7, 2]
# EXPECT: {"return": 1, "args": [7, 2]}
# a = 1, b = 2: 0 or (0 > 1) -> 0
# RUN: safe_ratio [1, 2]
# EXPECT: {"return": 0, "args": [1, 2]}

def guarded(a : In[int], b : In[int]) -> int:
    return (b > 0) and (b > 0) and (a / b > 1)

# b = 0: the first operand is false, the rest is skipped -> 0
# RUN: guarded [7, 0]
# EXPECT: {"return": 0, "args": [7, 0]}
# b = 3: 7/3 = 2 > 1 -> 1
# RUN: guarded [7, 3]
# EXPECT: {"return": 1, "args": [7, 3]}

def guarded_min(a : In[int], b : In[int]) -> int:
    return (b == 0 - 1) and (a == 0 - 2147483647 - 1) or (a / b < 0)

# a = INT_MIN, b = -1: the left conjunct is 1, so `or` skips INT_MIN / -1 (a runtime error)
# RUN: guarded_min [-2147483648, -1]
# EXPECT: {"return": 1, "args": [-2147483648, -1]}
# a = -6, b = 3: left conjunct 0, then -6/3 = -2 < 0 -> 1
# RUN: guarded_min [-6, 3]
# EXPECT: {"return": 1, "args": [-6, 3]}
