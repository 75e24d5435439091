# An Out scalar: o(x, y) writes y = x^3 + 1. Forward: y gets (x^3 + 1, 3x^2 dx).
# Reverse: _dx += 3x^2 * _dy; the primal y is not a parameter of the reverse derivative.

def o(x : In[float], y : Out[float]):
    y = x * x * x + 1.0

fo = fwd_diff(o)
ro = rev_diff(o)

# y = 8 + 1
# RUN: o [2, 0]
# EXPECT: {"return": null, "args": [2, 9]}
# y overwritten with (9, 3*4*0.5 = 6)
# RUN: fo [{"val": 2, "dval": 0.5}, {"val": -1, "dval": -1}]
# EXPECT: {"return": null, "args": [{"val": 2, "dval": 0.5}, {"val": 9, "dval": 6}]}
# _dx = 1 + 2 * 12 = 25
# RUN: ro [2, 1, 2]
# EXPECT: {"return": null, "args": [2, 25, 2]}
