# A local static array written and read: t[0] = x, t[1] = x*x, t[2] = t[0]*t[1] = x^3;
# f = t[1] + t[2] = x^2 + x^3, f' = 2x + 3x^2.

def f(x : In[float]) -> float:
    t : Array[float, 3]
    t[0] = x
    t[1] = x * x
    t[2] = t[0] * t[1]
    return t[1] + t[2]

d_f = fwd_diff(f)
r_f = rev_diff(f)

# 4 + 8 = 12; 4 + 12 = 16
# RUN: d_f [{"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 12, "dval": 16}, "args": [{"val": 2, "dval": 1}]}
# 16
# RUN: r_f [2, 0, 1]
# EXPECT: {"return": null, "args": [2, 16, 1]}
# f'(-1) = -2 + 3 = 1, times 2
# RUN: r_f [-1, 0, 2]
# EXPECT: {"return": null, "args": [-1, 2, 2]}
