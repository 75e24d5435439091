# int is 32-bit two's complement and wraps on overflow (project-defined; C would be undefined).

def add_one(a : In[int]) -> int:
    return a + 1

# 2147483647 + 1 wraps to -2147483648
# RUN: add_one [2147483647]
# EXPECT: {"return": -2147483648, "args": [2147483647]}

def mul(a : In[int], b : In[int]) -> int:
    return a * b

# 65536 * 65536 = 2^32 -> 0 (mod 2^32)
# RUN: mul [65536, 65536]
# EXPECT: {"return": 0, "args": [65536, 65536]}
# 100000 * 100000 = 10^10; 10^10 mod 2^32 = 1410065408 (< 2^31, stays positive)
# RUN: mul [100000, 100000]
# EXPECT: {"return": 1410065408, "args": [100000, 100000]}
# 46341 * 46341 = 2147488281; minus 2^32 = -2147479015
# RUN: mul [46341, 46341]
# EXPECT: {"return": -2147479015, "args": [46341, 46341]}

def below_min() -> int:
    m : int = -2147483647 - 1
    return m - 1

# INT_MIN - 1 wraps to INT_MAX = 2147483647
# RUN: below_min
# EXPECT: {"return": 2147483647, "args": []}

def negate_min() -> int:
    m : int = -2147483647 - 1
    return -m

# -m is 0 - m; 0 - (-2^31) = 2^31 wraps back to -2^31
# RUN: negate_min
# EXPECT: {"return": -2147483648, "args": []}
