# float is IEEE binary32, not Python's double: these results differ from double arithmetic.

def big_literal() -> float:
    x : float = 16777217.0
    return x - 16777216.0

# 16777217 = 2^24 + 1 is not representable in binary32; the literal rounds to 16777216,
# so the difference is 0 (it would be 1 in double)
# RUN: big_literal
# EXPECT: {"return": 0.0, "args": []}

def absorbed(a : In[float], b : In[float]) -> float:
    return (a + b) - a

# a = 1e8: float spacing there is 8, so 1e8 + 1 rounds back to 1e8: result 0 (double: 1)
# RUN: absorbed [100000000.0, 1.0]
# EXPECT: {"return": 0.0, "args": [100000000, 1]}
# a = 1024, b = 1: exact, result 1
# RUN: absorbed [1024.0, 1.0]
# EXPECT: {"return": 1.0, "args": [1024, 1]}

def input_rounded(x : In[float]) -> float:
    return x - 16777216.0

# the JSON number 16777217 is rounded to float32 on input (16777216), so 0
# RUN: input_rounded [16777217]
# EXPECT: {"return": 0.0, "args": [16777216]}

def tenths() -> int:
    x : float = 0.1
    return (x + x + x) == 0.3

# in binary32, 0.1f + 0.1f + 0.1f == 0.3f holds (python3: struct-rounded values compare
# equal: both are 0.30000001192092896), so the int comparison is 1 (in double it is 0)
# RUN: tenths
# EXPECT: {"return": 1, "args": []}

def tiny_step() -> int:
    one : float = 1.0
    return (one + 0.00000001) == one

# 1e-8 is below half the float spacing at 1.0 (2^-24 ~ 6e-8), so 1 + 1e-8 == 1: result 1
# RUN: tiny_step
# EXPECT: {"return": 1, "args": []}
