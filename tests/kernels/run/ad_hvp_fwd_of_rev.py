# Hessian-vector product by forward over reverse: r_f = rev_diff(f) computes the gradient, and
# fwd_diff(r_f) differentiates it along a direction. f(x, y) = x^2 y + 3y^2, gradient (2xy, x^2 + 6y),
# H = [[2y, 2x], [2x, 6]]; at (1, 2) along (1, 0) the gradient tangent is H e1 = (4, 2).

def f(x : In[float], y : In[float]) -> float:
    return x * x * y + 3.0 * y * y

r_f = rev_diff(f)
hvp = fwd_diff(r_f)

# gradient (2xy, x^2 + 6y) = (4, 13)
# RUN: r_f [1, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [1, 4, 2, 13, 1]}
# values: the gradient (4, 13); tangents: H (1, 0) = (4, 2)
# RUN: hvp [{"val": 1, "dval": 1}, {"val": 0, "dval": 0}, {"val": 2, "dval": 0}, {"val": 0, "dval": 0}, {"val": 1, "dval": 0}]
# EXPECT: {"return": null, "args": [{"val": 1, "dval": 1}, {"val": 4, "dval": 4}, {"val": 2, "dval": 0}, {"val": 13, "dval": 2}, {"val": 1, "dval": 0}]}
# along (0, 1): H e2 = (2, 6)
# RUN: hvp [{"val": 1, "dval": 0}, {"val": 0, "dval": 0}, {"val": 2, "dval": 1}, {"val": 0, "dval": 0}, {"val": 1, "dval": 0}]
# EXPECT: {"return": null, "args": [{"val": 1, "dval": 0}, {"val": 4, "dval": 2}, {"val": 2, "dval": 1}, {"val": 13, "dval": 6}, {"val": 1, "dval": 0}]}
