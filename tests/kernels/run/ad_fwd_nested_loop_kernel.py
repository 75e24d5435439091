# Hessian entries and a third derivative of a loop kernel by nested forward mode [ext]: a while
# loop over an array, a struct parameter, a call of a user function, pow with a constant
# exponent at a negative base, sqrt, exp, log, a division, int2float and a branch on a value.
# fwd_diff of fwd_diff evaluates f over dual numbers of order 2 and 3 (docs/ad.md, "Nested
# forward mode"). With n = 2:
#   s = sum_i  a x_i^3 - sqrt(x_i^2 + 1) + x_i e^(i/2) / (1 + x_i^2),   F = 2 - (s + log(s + 20)) / 4
# (s = -8.4667 > -10 at x = (-1.5, 0.8), a = 2, so the branch is taken). Expected values by
# sympy from that formula (differentiated symbolically, not by lomaw): F = 3.505361,
# dF/dx0 = -3.861528, dF/dx1 = -0.9334757, d2F/dx0dx1 = 0.09178891, d2F/dx0^2 = 5.298441,
# dF/da = 0.7778093, d3F/dx0 dx1 da = 0.1404518. A part of the result with the dval of level
# k on its path is differentiated in the direction seeded at level k (x0: 1, x1: 2, a: 3).

class Params:
    a : float
    n : int

def inner(u : In[float], v : In[float]) -> float:
    return u * exp(v) / (1.0 + u * u)

def f(x : In[Array[float]], p : In[Params]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < p.n, max_iter := 100):
        s = s + pow(x[i], 3.0) * p.a - sqrt(x[i] * x[i] + 1.0) + inner(x[i], int2float(i) * 0.5)
        i = i + 1
    if s > -10.0:
        s = s + log(s + 20.0)
    return 2.0 - s / 4.0

d_f = fwd_diff(f)
dd_f = fwd_diff(d_f)
ddd_f = fwd_diff(dd_f)

# A float used as a condition (true when not zero) is tested on its primal value.
def g(x : In[float]) -> float:
    y : float = 1.0
    if x:
        y = x * x * x
    return y

d_g = fwd_diff(g)
dd_g = fwd_diff(d_g)

# d2F/dx0dx1: x0 seeded at level 1, x1 at level 2
# RUN: dd_f [[{"val": {"val": -1.5, "dval": 1}, "dval": {"val": 0, "dval": 0}}, {"val": {"val": 0.8, "dval": 0}, "dval": {"val": 1, "dval": 0}}], {"a": {"val": {"val": 2, "dval": 0}, "dval": {"val": 0, "dval": 0}}, "n": 2}]
# EXPECT: {"return": {"val": {"val": 3.505361, "dval": -3.861528}, "dval": {"val": -0.9334757, "dval": 0.09178891}}, "args": [[{"val": {"val": -1.5, "dval": 1}, "dval": {"val": 0, "dval": 0}}, {"val": {"val": 0.8, "dval": 0}, "dval": {"val": 1, "dval": 0}}], {"a": {"val": {"val": 2, "dval": 0}, "dval": {"val": 0, "dval": 0}}, "n": 2}]}

# d2F/dx0^2: x0 seeded at both levels
# RUN: dd_f [[{"val": {"val": -1.5, "dval": 1}, "dval": {"val": 1, "dval": 0}}, {"val": {"val": 0.8, "dval": 0}, "dval": {"val": 0, "dval": 0}}], {"a": {"val": {"val": 2, "dval": 0}, "dval": {"val": 0, "dval": 0}}, "n": 2}]
# EXPECT: {"return": {"val": {"val": 3.505361, "dval": -3.861528}, "dval": {"val": -3.861528, "dval": 5.298441}}, "args": [[{"val": {"val": -1.5, "dval": 1}, "dval": {"val": 1, "dval": 0}}, {"val": {"val": 0.8, "dval": 0}, "dval": {"val": 0, "dval": 0}}], {"a": {"val": {"val": 2, "dval": 0}, "dval": {"val": 0, "dval": 0}}, "n": 2}]}

# d3F/dx0 dx1 da: x0 at level 1, x1 at level 2, a at level 3
# RUN: ddd_f [[{"val": {"val": {"val": -1.5, "dval": 1}, "dval": {"val": 0, "dval": 0}}, "dval": {"val": {"val": 0, "dval": 0}, "dval": {"val": 0, "dval": 0}}}, {"val": {"val": {"val": 0.8, "dval": 0}, "dval": {"val": 1, "dval": 0}}, "dval": {"val": {"val": 0, "dval": 0}, "dval": {"val": 0, "dval": 0}}}], {"a": {"val": {"val": {"val": 2, "dval": 0}, "dval": {"val": 0, "dval": 0}}, "dval": {"val": {"val": 1, "dval": 0}, "dval": {"val": 0, "dval": 0}}}, "n": 2}]
# EXPECT: {"return": {"val": {"val": {"val": 3.505361, "dval": -3.861528}, "dval": {"val": -0.9334757, "dval": 0.09178891}}, "dval": {"val": {"val": 0.7778093, "dval": -1.910297}, "dval": {"val": -0.5401072, "dval": 0.1404518}}}, "args": [[{"val": {"val": {"val": -1.5, "dval": 1}, "dval": {"val": 0, "dval": 0}}, "dval": {"val": {"val": 0, "dval": 0}, "dval": {"val": 0, "dval": 0}}}, {"val": {"val": {"val": 0.8, "dval": 0}, "dval": {"val": 1, "dval": 0}}, "dval": {"val": {"val": 0, "dval": 0}, "dval": {"val": 0, "dval": 0}}}], {"a": {"val": {"val": {"val": 2, "dval": 0}, "dval": {"val": 0, "dval": 0}}, "dval": {"val": {"val": 1, "dval": 0}, "dval": {"val": 0, "dval": 0}}}, "n": 2}]}

# g = x^3 at x = 2: 8, g' = 12, g'' = 6x = 12; at x = 0 the branch is not taken: 1, then 0s
# RUN: dd_g [{"val": {"val": 2, "dval": 1}, "dval": {"val": 1, "dval": 0}}]
# EXPECT: {"return": {"val": {"val": 8, "dval": 12}, "dval": {"val": 12, "dval": 12}}, "args": [{"val": {"val": 2, "dval": 1}, "dval": {"val": 1, "dval": 0}}]}
# RUN: dd_g [{"val": {"val": 0, "dval": 1}, "dval": {"val": 1, "dval": 0}}]
# EXPECT: {"return": {"val": {"val": 1, "dval": 0}, "dval": {"val": 0, "dval": 0}}, "args": [{"val": {"val": 0, "dval": 1}, "dval": {"val": 1, "dval": 0}}]}
