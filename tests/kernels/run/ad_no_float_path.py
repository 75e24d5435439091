# Nothing flows back when no float input reaches an output: the reverse derivative leaves every
# adjoint as passed in; an int result's _dreturn is ignored (§6.3). Forward mode still carries
# the values.

def f(n : In[int], x : In[float]) -> int:
    return n * 2 + float2int(x)

def g(x : In[float], y : Out[float]):
    y = 1.0

r_f = rev_diff(f)
d_f = fwd_diff(f)
r_g = rev_diff(g)

# _dx keeps 0.25
# RUN: r_f [3, 0, 2.5, 0.25, 7]
# EXPECT: {"return": null, "args": [3, 0, 2.5, 0.25, 7]}
# int result: 6 + 2
# RUN: d_f [3, {"val": 2.5, "dval": 1}]
# EXPECT: {"return": 8, "args": [3, {"val": 2.5, "dval": 1}]}
# y = 1.0 does not depend on x; _dy is a copy, the caller sees 2
# RUN: r_g [1, 0.5, 2]
# EXPECT: {"return": null, "args": [1, 0.5, 2]}
