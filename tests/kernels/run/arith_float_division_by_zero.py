# Float division by zero is not an error: IEEE gives +-inf and NaN, printed as strings.

def fdiv(a : In[float], b : In[float]) -> float:
    return a / b

# 1/0 = inf, -1/0 = -inf, 0/0 = nan
# RUN: fdiv [1.0, 0.0]
# EXPECT: {"return": "inf", "args": [1, 0]}
# RUN: fdiv [-1.0, 0.0]
# EXPECT: {"return": "-inf", "args": [-1, 0]}
# RUN: fdiv [0.0, 0.0]
# EXPECT: {"return": "nan", "args": [0, 0]}
