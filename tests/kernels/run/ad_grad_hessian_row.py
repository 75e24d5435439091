# The Hessian recipe of docs/language.md §6.7: grad writes the gradient of f(x, y) = x^2 y + 3y^2 into Out
# parameters; rg = rev_diff(grad) with adjoint inputs (1, 0) adds row 1 of the Hessian, (2y, 2x).

def grad(x : In[float], y : In[float], gx : Out[float], gy : Out[float]):
    gx = 2.0 * x * y
    gy = x * x + 6.0 * y

rg = rev_diff(grad)

# row 1 at (1, 2): (2y, 2x) = (4, 2)
# RUN: rg [1, 0, 2, 0, 1, 0]
# EXPECT: {"return": null, "args": [1, 4, 2, 2, 1, 0]}
# row 2: (2x, 6) = (2, 6)
# RUN: rg [1, 0, 2, 0, 0, 1]
# EXPECT: {"return": null, "args": [1, 2, 2, 6, 0, 1]}
