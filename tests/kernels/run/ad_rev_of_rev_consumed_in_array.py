# rev_diff of a function that calls a reverse derivative on its own In array: r_g consumes
# dy (sets dy[0] to 0) while computing the local dx, which the reverse sweep needs, so the
# forward sweep replays the call and dy is consumed before the reverse sweep passes it to
# _d_rev_r_g. That is harmless here because g is linear (y[0] = 3x): _d_rev_r_g never reads
# the values of its _dy. (When it does, e.g. y[0] = x * x, the derivative would be wrong and
# is rejected with rev-unsized-overwrite; tests/engine/ad/test_ad_call_overwrites.cpp.)
#
# r_g(x, _dx, _dy): _dx += 3 _dy[0], then _dy[0] = 0.
# h(x, dy) = dx^2 with dx = 3 dy[0]: h = 9 dy0^2, dh/dx = 0, dh/d(dy0) = 18 dy0.

def g(x : In[float], y : Out[Array[float]]):
    y[0] = x * 3.0

r_g = rev_diff(g)

def h(x : In[float], dy : In[Array[float]]) -> float:
    dx : float
    r_g(x, dx, dy)
    return dx * dx

rh = rev_diff(h)

# dy0 = 2: h = 36 (dy[0] consumed by r_g: the caller sees 0)
# RUN: h [1.5, [2]]
# EXPECT: {"return": 36, "args": [1.5, [0]]}
# dh/dx = 0, dh/d(dy0) = 36
# RUN: rh [1.5, 0, [2], [0], 1]
# EXPECT: {"return": null, "args": [1.5, 0, [0], [36], 1]}
