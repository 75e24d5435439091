# Branches: f(x) = x^2 if x > 1, else 3x (elif x > 0), else -x. The derivative follows the taken branch:
# 2x, 3 or -1.

def f(x : In[float]) -> float:
    y : float
    if x > 1.0:
        y = x * x
    elif x > 0.0:
        y = 3.0 * x
    else:
        y = -x
    return y

df = fwd_diff(f)
rf = rev_diff(f)

# x = 2: 2x = 4
# RUN: df [{"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 4, "dval": 4}, "args": [{"val": 2, "dval": 1}]}
# x = 0.5: 3
# RUN: df [{"val": 0.5, "dval": 1}]
# EXPECT: {"return": {"val": 1.5, "dval": 3}, "args": [{"val": 0.5, "dval": 1}]}
# x = 2: 4
# RUN: rf [2, 0, 1]
# EXPECT: {"return": null, "args": [2, 4, 1]}
# x = 0.5: 3
# RUN: rf [0.5, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 3, 1]}
# x = -2: -1
# RUN: rf [-2, 0, 1]
# EXPECT: {"return": null, "args": [-2, -1, 1]}
