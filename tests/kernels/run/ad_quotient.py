# f(x, y) = x*y / (x + y): df/dx = y^2/(x+y)^2, df/dy = x^2/(x+y)^2 (quotient rule).

def f(x : In[float], y : In[float]) -> float:
    return x * y / (x + y)

df = fwd_diff(f)
rf = rev_diff(f)

# f(1, 3) = 3 / 4
# RUN: f [1, 3]
# EXPECT: {"return": 0.75, "args": [1, 3]}
# df/dx = 9/16 = 0.5625
# RUN: df [{"val": 1, "dval": 1}, {"val": 3, "dval": 0}]
# EXPECT: {"return": {"val": 0.75, "dval": 0.5625}, "args": [{"val": 1, "dval": 1}, {"val": 3, "dval": 0}]}
# df/dy = 1/16 = 0.0625
# RUN: df [{"val": 1, "dval": 0}, {"val": 3, "dval": 1}]
# EXPECT: {"return": {"val": 0.75, "dval": 0.0625}, "args": [{"val": 1, "dval": 0}, {"val": 3, "dval": 1}]}
# _dreturn = 2: _dx = 2 * 9/16 = 1.125, _dy = 2/16 = 0.125
# RUN: rf [1, 0, 3, 0, 2]
# EXPECT: {"return": null, "args": [1, 1.125, 3, 0.125, 2]}
