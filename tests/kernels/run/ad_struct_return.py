# A function returning a struct: mk(a) = {x: 2a, v: [0, sin a]}; use(a) = q.x * q.v[1] = 2a sin a,
# use'(a) = 2 sin a + 2a cos a. The struct adjoint flows back through _dreturn of _d_rev_mk.

class P:
    x : float
    v : Array[float, 2]

def mk(a : In[float]) -> P:
    p : P
    p.x = a * 2.0
    p.v[1] = sin(a)
    return p

def use(a : In[float]) -> float:
    q : P = mk(a)
    return q.x * q.v[1]

r_use = rev_diff(use)
d_use = fwd_diff(use)
r_mk = rev_diff(mk)

# 2 sin 0.5 + cos 0.5 = 0.958851 + 0.877583
# RUN: r_use [0.5, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 1.83643364, 1]}
# same derivative forward
# RUN: d_use [{"val": 0.5, "dval": 1}]
# EXPECT: {"return": {"val": 0.479425539, "dval": 1.83643364}, "args": [{"val": 0.5, "dval": 1}]}
# _dreturn = {1, [5, 1]}: 2 * 1 + cos(0.5) * 1 (v[0] does not depend on a)
# RUN: r_mk [0.5, 0, {"x": 1, "v": [5, 1]}]
# EXPECT: {"return": null, "args": [0.5, 2.87758256, {"x": 1, "v": [5, 1]}]}
