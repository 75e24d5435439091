# Ints carry no derivative: f(x, n) = x * n + float2int(x) has df/dx = n (float2int is
# piecewise constant); the int parameter's adjoint _dn is never written.

def f(x : In[float], n : In[int]) -> float:
    return x * n + float2int(x)

df = fwd_diff(f)
rf = rev_diff(f)

# 7.5 + 2
# RUN: f [2.5, 3]
# EXPECT: {"return": 9.5, "args": [2.5, 3]}
# df/dx = n = 3
# RUN: df [{"val": 2.5, "dval": 1}, 3]
# EXPECT: {"return": {"val": 9.5, "dval": 3}, "args": [{"val": 2.5, "dval": 1}, 3]}
# _dx = 2 * 3 = 6; _dn keeps the 7 passed in
# RUN: rf [2.5, 0, 3, 7, 2]
# EXPECT: {"return": null, "args": [2.5, 6, 3, 7, 2]}
