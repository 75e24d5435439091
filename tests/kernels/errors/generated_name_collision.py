# Differentiating f generates _d_fwd_g for its callee g, but a user function already has that
# name (position: the user function's name).

def g(x : In[float]) -> float:
    return x * x

def f(x : In[float]) -> float:
    return g(x) + 1.0

def _d_fwd_g(x : In[float]) -> float:
    return x

d_f = fwd_diff(f)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 10:5 generated-name-collision
