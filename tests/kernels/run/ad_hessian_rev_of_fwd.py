# Second order by reverse over forward (the course's Hessian recipe): f(x, y) = x^2 y + 3y^2.
# d_f = fwd_diff(f) gives the directional derivative; rev_diff(d_f) with _dreturn = (0, 1)
# accumulates the Hessian times the direction into _dx.val, _dy.val:
# H = [[2y, 2x], [2x, 6]]; at (1, 2) H = [[4, 2], [2, 6]].

def f(x : In[float], y : In[float]) -> float:
    return x * x * y + 3.0 * y * y

d_f = fwd_diff(f)
h_f = rev_diff(d_f)

# f = 2 + 12 = 14; df/dx = 2xy = 4
# RUN: d_f [{"val": 1, "dval": 1}, {"val": 2, "dval": 0}]
# EXPECT: {"return": {"val": 14, "dval": 4}, "args": [{"val": 1, "dval": 1}, {"val": 2, "dval": 0}]}
# the tangent output is D = 2x x' y + x^2 y' + 6y y'; its gradient at x=1, y=2, x'=1, y'=0:
# dD/dx = 2x'y = 4, dD/dy = 2x x' + 6y' = 2 (= H e1 = (4, 2)),
# dD/dx' = 2xy = 4, dD/dy' = x^2 + 6y = 13 (= the gradient of f)
# RUN: h_f [{"val": 1, "dval": 1}, {"val": 0, "dval": 0}, {"val": 2, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 1}]
# EXPECT: {"return": null, "args": [{"val": 1, "dval": 1}, {"val": 4, "dval": 4}, {"val": 2, "dval": 0}, {"val": 2, "dval": 13}, {"val": 0, "dval": 1}]}
