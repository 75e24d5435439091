# Calls: f(x, y) = g(x * y) + g(x) with g(t) = t^2 + sin t. df/dx = g'(xy) y + g'(x),
# df/dy = g'(xy) x, g'(t) = 2t + cos t. The callee derivatives _d_fwd_g / _d_rev_g are generated.

def g(t : In[float]) -> float:
    return t * t + sin(t)

def f(x : In[float], y : In[float]) -> float:
    return g(x * y) + g(x)

df = fwd_diff(f)
rf = rev_diff(f)

# g(1) + g(0.5) = 1.841471 + 0.729426
# RUN: f [0.5, 2]
# EXPECT: {"return": 2.57089652, "args": [0.5, 2]}
# g'(1)*2 + g'(0.5) = 2*2.540302 + 1.877583
# RUN: df [{"val": 0.5, "dval": 1}, {"val": 2, "dval": 0}]
# EXPECT: {"return": {"val": 2.57089652, "dval": 6.95818717}, "args": [{"val": 0.5, "dval": 1}, {"val": 2, "dval": 0}]}
# _dy = g'(1) * 0.5
# RUN: rf [0.5, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 6.95818717, 2, 1.27015115, 1]}
# the generated callee derivative is callable: 2 g'(1)
# RUN: _d_rev_g [1, 0, 2]
# EXPECT: {"return": null, "args": [1, 5.08060461, 2]}
