# A call statement with an Out argument (§6.3): sq(x, t) writes t = x^2, then u = t * x,
# so use(x) = x^3 and use'(x) = 3x^2.

def sq(x : In[float], y : Out[float]):
    y = x * x

def use(x : In[float]) -> float:
    t : float
    sq(x, t)
    u : float = t * x
    return u

duse = fwd_diff(use)
ruse = rev_diff(use)

# 27
# RUN: use [3]
# EXPECT: {"return": 27, "args": [3]}
# 3 * 9 = 27
# RUN: duse [{"val": 3, "dval": 1}]
# EXPECT: {"return": {"val": 27, "dval": 27}, "args": [{"val": 3, "dval": 1}]}
# _dx = 2 * 27
# RUN: ruse [3, 0, 2]
# EXPECT: {"return": null, "args": [3, 54, 2]}
# 1 + 3 * 1 = 4
# RUN: ruse [-1, 1, 1]
# EXPECT: {"return": null, "args": [-1, 4, 1]}
