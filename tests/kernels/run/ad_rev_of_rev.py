# Reverse over reverse: r_f = rev_diff(f) maps (x, y, _dreturn) to the accumulated gradient
# (_dx += _dreturn 2xy, _dy += _dreturn x^2); rr_f = rev_diff(r_f) pulls adjoints of those outputs back.
# f = x^2 y at x = 1, y = 2, _dreturn = 3, with output adjoint (1, 0) on _dx:
# d(_dreturn 2xy)/dx = 2y _dreturn = 12, /dy = 2x _dreturn = 6, /d_dreturn = 2xy = 4.

def f(x : In[float], y : In[float]) -> float:
    return x * x * y

r_f = rev_diff(f)
rr_f = rev_diff(r_f)

# gradient times 3: (2xy, x^2) * 3 = (12, 3)
# RUN: r_f [1, 0, 2, 0, 3]
# EXPECT: {"return": null, "args": [1, 12, 2, 3, 3]}
# (12, 6) and 4 into _d_dreturn
# RUN: rr_f [1, 0, 1, 2, 0, 0, 3, 0]
# EXPECT: {"return": null, "args": [1, 12, 1, 2, 6, 0, 3, 4]}
# output adjoint on _dy (= _dreturn x^2): d/dx = 2x _dreturn = 6, d/dy = 0, d/d_dreturn = x^2 = 1
# RUN: rr_f [1, 0, 0, 2, 0, 1, 3, 0]
# EXPECT: {"return": null, "args": [1, 6, 0, 2, 0, 1, 3, 1]}
