# A branch that overwrites its own condition variable: the decision is recorded in the
# forward sweep. f(x) = s^2 with s = x*x, then s = s*s if s > 2: x = 2 gives s = 16, f = x^8,
# f' = 8x^7 = 1024; x = 1 gives f = x^4, f' = 4.

def f(x : In[float]) -> float:
    s : float = x * x
    if s > 2.0:
        s = s * s
    return s * s

df = fwd_diff(f)
rf = rev_diff(f)

# 8 * 2^7 = 1024
# RUN: rf [2, 0, 1]
# EXPECT: {"return": null, "args": [2, 1024, 1]}
# 4 * 1^3 = 4
# RUN: rf [1, 0, 1]
# EXPECT: {"return": null, "args": [1, 4, 1]}
# same through forward mode
# RUN: df [{"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 256, "dval": 1024}, "args": [{"val": 2, "dval": 1}]}
