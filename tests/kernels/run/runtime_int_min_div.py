# -2147483648 / -1 does not fit in int: a runtime error (exit 3), not a wrap.

def idiv(a : In[int], b : In[int]) -> int:
    return a / b

# RUN: idiv [-2147483648, -1]
# EXIT: 3
# STDERR: lomaw: runtime error:

def min_over_one(a : In[int]) -> int:
    return a / 1

# INT_MIN / 1 is fine
# RUN: min_over_one [-2147483648]
# EXPECT: {"return": -2147483648, "args": [-2147483648]}

def computed() -> int:
    m : int = -2147483647 - 1
    d : int = 0 - 1
    return m / d

# RUN: computed
# EXIT: 3
# STDERR: lomaw: runtime error:
