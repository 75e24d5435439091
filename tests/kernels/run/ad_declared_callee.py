# A callee with a user-declared derivative of that mode uses it (the last declaration): f calls g,
# and rev_diff(f) calls rg2 (declared last) instead of generating _d_rev_g. f(x) = 3 g(x), g(x) = x^2.

def g(x : In[float]) -> float:
    return x * x

def f(x : In[float]) -> float:
    return 3.0 * g(x)

rg1 = rev_diff(g)
rg2 = rev_diff(g)
r_f = rev_diff(f)

# 3 * 2x = 12
# RUN: r_f [2, 0, 1]
# EXPECT: {"return": null, "args": [2, 12, 1]}
# 1 + 2x = 5
# RUN: rg2 [2, 1, 1]
# EXPECT: {"return": null, "args": [2, 5, 1]}
