# atomic_add outside @simd: acc(x, z) adds x^2 and 3x into z. Forward: z.dval += 2x x' + 3x';
# reverse: _dx += _dz (2x + 3), and _dz is not reset (§4).

def acc(x : In[float], z : Out[float]):
    atomic_add(z, x * x)
    atomic_add(z, 3.0 * x)

d_acc = fwd_diff(acc)
r_acc = rev_diff(acc)

# 1 + 4 + 6
# RUN: acc [2, 1]
# EXPECT: {"return": null, "args": [2, 11]}
# tangent 0.5 + 4 + 3
# RUN: d_acc [{"val": 2, "dval": 1}, {"val": 1, "dval": 0.5}]
# EXPECT: {"return": null, "args": [{"val": 2, "dval": 1}, {"val": 11, "dval": 7.5}]}
# _dx = 2 * (4 + 3) = 14
# RUN: r_acc [2, 0, 2]
# EXPECT: {"return": null, "args": [2, 14, 2]}
