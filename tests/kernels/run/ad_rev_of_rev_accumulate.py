# rev_diff of a reverse derivative whose last statement calls a callee's reverse derivative with
# the Out parameter _dx: that callee accumulates into _dx (_dx = _dx + ...), so its entry value
# reaches its exit value with slope 1 and the adjoint _d_dx must pass through the call (it was
# zeroed, losing the contributions of the statements before the call).
# f(x) = x*x + g(x), g(t) = t^3. rf(x, _dx, _dreturn): _dx += (2x + 3x^2) _dreturn.
# rrf differentiates rf: inputs (x, _dreturn), output _dx with adjoint _d_dx:
#   _dx (adjoint of x)  += (2 + 6x) _dreturn _d_dx
#   _d_dreturn          += (2x + 3x^2) _d_dx

def g(t : In[float]) -> float:
    return t * t * t

def f(x : In[float]) -> float:
    return x * x + g(x)

rf = rev_diff(f)
rrf = rev_diff(rf)

# _dx = 2*2 + 3*4 = 16
# RUN: rf [2, 0, 1]
# EXPECT: {"return": null, "args": [2, 16, 1]}
# x = 2, _d_dx = 1, _dreturn = 1: _dx = 2 + 12 = 14, _d_dreturn = 4 + 12 = 16
# RUN: rrf [2, 0, 1, 1, 0]
# EXPECT: {"return": null, "args": [2, 14, 1, 1, 16]}
# x = 0.5, _d_dx = 2, _dreturn = 3: _dx = (2 + 3) * 3 * 2 = 30, _d_dreturn = (1 + 0.75) * 2 = 3.5
# RUN: rrf [0.5, 0, 2, 3, 0]
# EXPECT: {"return": null, "args": [0.5, 30, 2, 3, 3.5]}
