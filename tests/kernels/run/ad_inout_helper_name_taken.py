# The reverse derivative of g needs a helper for maybe_set, which writes its Out argument on one
# path only (docs/ad.md: _d_rev_inout_<f>). Its usual name is taken by a user function here: the
# helper gets the next free name instead (this used to crash the engine).
#
# g(x, y): z = y^2; maybe_set writes z = 3x only when x > 0; g = 2z (+ 0 from the user function).
#   x > 0:  g = 6x,   dg/dx = 6, dg/dy = 0
#   x <= 0: g = 2y^2, dg/dx = 0, dg/dy = 4y

def maybe_set(x : In[float], z : Out[float]):
    if x > 0.0:
        z = x * 3.0

def _d_rev_inout_maybe_set(x : In[float]) -> float:
    return x + 100.0

def g(x : In[float], y : In[float]) -> float:
    z : float = y * y
    maybe_set(x, z)
    return 2.0 * z + _d_rev_inout_maybe_set(0.0) - 100.0

r_g = rev_diff(g)

# RUN: g [1.0, 2.0]
# EXPECT: {"return": 6, "args": [1, 2]}
# RUN: r_g [1.0, 0.0, 2.0, 0.0, 1.0]
# EXPECT: {"return": null, "args": [1, 6, 2, 0, 1]}
# RUN: r_g [-1.0, 0.0, 2.0, 0.0, 1.0]
# EXPECT: {"return": null, "args": [-1, 0, 2, 8, 1]}
