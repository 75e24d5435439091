"""Newton's method with exact Hessians: the gradient comes from reverse mode, the Hessian from
forward mode applied to the gradient (forward over reverse).

f(x, y) = exp(x) - 2x + (y - x)^2 has its minimum where y = x and exp(x) = 2, at
x = y = ln 2 = 0.693147. Its Hessian [[exp(x) + 2, -2], [-2, 2]] is positive definite.
"""

def f(x : In[float], y : In[float]) -> float:
    return exp(x) - 2.0 * x + (y - x) * (y - x)

rf = rev_diff(f)

def grad(x : In[float], y : In[float], gx : Out[float], gy : Out[float]):
    dx : float
    dy : float
    rf(x, dx, y, dy, 1.0)
    gx = dx
    gy = dy

# hg(x, y) with tangent (1, 0) gives the first Hessian column in gx.dval, gy.dval.
hg = fwd_diff(grad)

def newton(x0 : In[float], y0 : In[float], steps : In[int], yout : Out[float]) -> float:
    x : float = x0
    y : float = y0
    gx : float
    gy : float
    dx : Diff[float]
    dy : Diff[float]
    hx : Diff[float]
    hy : Diff[float]
    a : float
    b : float
    c : float
    det : float
    for k in range(steps):
        grad(x, y, gx, gy)
        dx.val = x
        dy.val = y
        dx.dval = 1.0
        dy.dval = 0.0
        hg(dx, dy, hx, hy)
        a = hx.dval
        b = hy.dval
        dx.dval = 0.0
        dy.dval = 1.0
        hg(dx, dy, hx, hy)
        c = hy.dval
        det = a * c - b * b
        x = x - (c * gx - b * gy) / det
        y = y - (a * gy - b * gx) / det
    yout = y
    return x

# grad at (0, 0): (e^0 - 2 - 2(0 - 0), 2(0 - 0)) = (-1, 0)
# RUN: grad [0.0, 0.0, 0.0, 0.0]
# EXPECT: {"return": null, "args": [0, 0, -1, 0]}
# Hessian column 1 at (0, 0): (e^0 + 2, -2) = (3, -2)
# RUN: hg [{"val": 0.0, "dval": 1.0}, {"val": 0.0, "dval": 0.0}, {"val": 0.0, "dval": 0.0}, {"val": 0.0, "dval": 0.0}]
# EXPECT: {"return": null, "args": [{"val": 0, "dval": 1}, {"val": 0, "dval": 0}, {"val": -1, "dval": 3}, {"val": 0, "dval": -2}]}
# Eight Newton steps from (0, 0) converge quadratically to (ln 2, ln 2).
# RUN: newton [0.0, 0.0, 8, 0.0]
# EXPECT: {"return": 0.693147181, "args": [0, 0, 8, 0.693147181]}
