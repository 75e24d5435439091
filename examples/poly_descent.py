"""A third-order polynomial minimised by gradient descent, with its derivative taken by
forward mode (d_poly) and by reverse mode (r_poly).

p(x) = x^3 - 6x^2 + 9x + 1 has p'(x) = 3(x - 1)(x - 3): a local maximum at x = 1 and a local
minimum at x = 3, where p(3) = 1. Started right of the maximum, descent finds x = 3.
"""

def poly(x : In[float]) -> float:
    return x * x * x - 6.0 * x * x + 9.0 * x + 1.0

d_poly = fwd_diff(poly)
r_poly = rev_diff(poly)

# Forward mode: seed the tangent of x with 1, read the tangent of the result.
def slope_fwd(x : In[float]) -> float:
    dx : Diff[float]
    dx.val = x
    dx.dval = 1.0
    return d_poly(dx).dval

# Reverse mode: seed the adjoint of the result with 1, read the adjoint of x.
def slope_rev(x : In[float]) -> float:
    g : float
    r_poly(x, g, 1.0)
    return g

def descend_fwd(x0 : In[float], rate : In[float], steps : In[int]) -> float:
    x : float = x0
    for k in range(steps):
        x = x - rate * slope_fwd(x)
    return x

def descend_rev(x0 : In[float], rate : In[float], steps : In[int]) -> float:
    x : float = x0
    for k in range(steps):
        x = x - rate * slope_rev(x)
    return x

# Descent settings for `lomaw descend` and the app's Descent mode (the line is the command after
# `lomaw descend FILE`): from 5 with rate 0.05 the descent settles at the minimum x = 3; with
# rate 0.4 the first step jumps from 5 over the maximum at x = 1 to -7, and the cubic runs away
# to -inf (docs/descend.md, examples/labs/step_size.md).
# DESCEND: poly --init [5.0] --lr 0.05 --steps 60
# DESCEND: poly --init [5.0] --lr 0.4 --steps 60

# p'(2) = 12 - 24 + 9 = -3;  p'(0.5) = 0.75 - 6 + 9 = 3.75
# RUN: slope_fwd [2.0]
# EXPECT: {"return": -3, "args": [2]}
# RUN: slope_rev [0.5]
# EXPECT: {"return": 3.75, "args": [0.5]}
# From 5 with step 0.05: near 3 the error shrinks by 1 - 0.05 * p''(3) = 0.7 per step.
# RUN: descend_fwd [5.0, 0.05, 200]
# EXPECT: {"return": 3, "args": [5, 0.05, 200]}
# RUN: descend_rev [5.0, 0.05, 200]
# EXPECT: {"return": 3, "args": [5, 0.05, 200]}
# The generated derivatives themselves: d_poly at (2, 1) is (p(2), p'(2)) = (3, -3);
# r_poly(0.5, 0, 1) accumulates p'(0.5) = 3.75 into _dx.
# RUN: d_poly [{"val": 2.0, "dval": 1.0}]
# EXPECT: {"return": {"val": 3, "dval": -3}, "args": [{"val": 2, "dval": 1}]}
# RUN: r_poly [0.5, 0.0, 1.0]
# EXPECT: {"return": null, "args": [0.5, 3.75, 1]}
