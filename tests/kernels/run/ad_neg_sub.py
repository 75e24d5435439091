# f(x, y) = -(x - y) * x = -x^2 + xy: df/dx = -2x + y, df/dy = x.

def f(x : In[float], y : In[float]) -> float:
    return -(x - y) * x

df = fwd_diff(f)
rf = rev_diff(f)

# -(2) * 3 = -6
# RUN: f [3, 1]
# EXPECT: {"return": -6, "args": [3, 1]}
# direction (1, 1): (-6 + 1) + 3 = -2
# RUN: df [{"val": 3, "dval": 1}, {"val": 1, "dval": 1}]
# EXPECT: {"return": {"val": -6, "dval": -2}, "args": [{"val": 3, "dval": 1}, {"val": 1, "dval": 1}]}
# _dx = -6 + 1 = -5, _dy = 3
# RUN: rf [3, 0, 1, 0, 1]
# EXPECT: {"return": null, "args": [3, -5, 1, 3, 1]}
