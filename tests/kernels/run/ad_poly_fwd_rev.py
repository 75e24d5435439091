# Forward and reverse derivatives of a cubic: p(x) = 2x^3 - 3x + 1, p'(x) = 6x^2 - 3.
# Expected values: the closed forms above evaluated by hand.

def p(x : In[float]) -> float:
    return 2.0 * x * x * x - 3.0 * x + 1.0

d_p = fwd_diff(p)
r_p = rev_diff(p)

# p(2) = 16 - 6 + 1 = 11
# RUN: p [2]
# EXPECT: {"return": 11, "args": [2]}
# p'(2) = 24 - 3 = 21
# RUN: d_p [{"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 11, "dval": 21}, "args": [{"val": 2, "dval": 1}]}
# p(-1) = -2 + 3 + 1 = 2; tangent 2 * (6 - 3) = 6
# RUN: d_p [{"val": -1, "dval": 2}]
# EXPECT: {"return": {"val": 2, "dval": 6}, "args": [{"val": -1, "dval": 2}]}
# _dx = 0 + 1 * p'(2) = 21
# RUN: r_p [2, 0, 1]
# EXPECT: {"return": null, "args": [2, 21, 1]}
# _dx accumulates: 0.5 + 2 * p'(-1) = 0.5 + 2 * 3 = 6.5
# RUN: r_p [-1, 0.5, 2]
# EXPECT: {"return": null, "args": [-1, 6.5, 2]}
