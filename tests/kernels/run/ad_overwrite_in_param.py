# Writing an In scalar parameter is allowed under rev_diff; the derivative is with respect to the
# value passed in (§6.3). f(x, y): x = x * x; return x * y, so f = x^2 y, df/dx = 2xy, df/dy = x^2.
# The caller's accumulator _dx is added to, not overwritten.

def f(x : In[float], y : In[float]) -> float:
    x = x * x
    return x * y

r_f = rev_diff(f)
d_f = fwd_diff(f)

# _dx = 10 + 2*3*2 = 22, _dy = 9
# RUN: r_f [3, 10, 2, 0, 1]
# EXPECT: {"return": null, "args": [3, 22, 2, 9, 1]}
# df/dx = 12
# RUN: d_f [{"val": 3, "dval": 1}, {"val": 2, "dval": 0}]
# EXPECT: {"return": {"val": 18, "dval": 12}, "args": [{"val": 3, "dval": 1}, {"val": 2, "dval": 0}]}
