# A callee that writes an Out argument on some paths only (inside an if), or writes only part
# of a member: on the paths where it does not write, the caller's value passes through the
# call, and so must its adjoint. The caller then calls the callee's consuming reverse
# derivative (_d_rev_inout_<f>), which zeroes the adjoint exactly where the primal wrote.
#
# h(x, y): q.a = 2y, q.b = 3y; maybe_seta writes q.a = x^2 only when x > 0; h = q.a y + q.b.
#   x > 0:  h = x^2 y + 3y,  dh/dx = 2xy, dh/dy = x^2 + 3
#   x <= 0: h = 2y^2 + 3y,   dh/dx = 0,   dh/dy = 4y + 3
# h2 is h through pass_q, which hands q on whole to maybe_seta (the same function).
# g(x, y): z = y^2; maybe_set writes z = 3x only when x > 0; g = 2z.
#   x > 0:  g = 6x,   dg/dx = 6, dg/dy = 0
#   x <= 0: g = 2y^2, dg/dx = 0, dg/dy = 4y
# k(x, y): p.v[0] = y, p.v[1] = y^2; setv0 writes p.v[0] = x^2 (not p.v[1]); k = p.v[0] + p.v[1] x
#   k = x^2 + x y^2,  dk/dx = 2x + y^2,  dk/dy = 2xy

class Q:
    a : float
    b : float

class P:
    v : Array[float, 2]

def maybe_seta(x : In[float], q : Out[Q]):
    if x > 0.0:
        q.a = x * x

def pass_q(x : In[float], q : Out[Q]):
    maybe_seta(x, q)

def maybe_set(x : In[float], z : Out[float]):
    if x > 0.0:
        z = x * 3.0

def setv0(x : In[float], p : Out[P]):
    p.v[0] = x * x

def h(x : In[float], y : In[float]) -> float:
    q : Q
    q.a = y * 2.0
    q.b = y * 3.0
    maybe_seta(x, q)
    return q.a * y + q.b

def h2(x : In[float], y : In[float]) -> float:
    q : Q
    q.a = y * 2.0
    q.b = y * 3.0
    pass_q(x, q)
    return q.a * y + q.b

def g(x : In[float], y : In[float]) -> float:
    z : float = y * y
    maybe_set(x, z)
    return z * 2.0

def k(x : In[float], y : In[float]) -> float:
    p : P
    p.v[0] = y
    p.v[1] = y * y
    setv0(x, p)
    return p.v[0] + p.v[1] * x

r_h = rev_diff(h)
r_h2 = rev_diff(h2)
r_g = rev_diff(g)
r_k = rev_diff(k)
rr_h = rev_diff(r_h)

# x = 2, y = 5: h = 20 + 15 = 35, dh/dx = 20, dh/dy = 4 + 3 = 7
# RUN: h [2, 5]
# EXPECT: {"return": 35, "args": [2, 5]}
# RUN: r_h [2, 0, 5, 0, 1]
# EXPECT: {"return": null, "args": [2, 20, 5, 7, 1]}
# x = -1, y = 5: h = 50 + 15 = 65, dh/dx = 0, dh/dy = 20 + 3 = 23
# RUN: h [-1, 5]
# EXPECT: {"return": 65, "args": [-1, 5]}
# RUN: r_h [-1, 0, 5, 0, 1]
# EXPECT: {"return": null, "args": [-1, 0, 5, 23, 1]}
# RUN: r_h2 [2, 0, 5, 0, 1]
# EXPECT: {"return": null, "args": [2, 20, 5, 7, 1]}
# RUN: r_h2 [-1, 0, 5, 0, 1]
# EXPECT: {"return": null, "args": [-1, 0, 5, 23, 1]}
# x = 2, y = 3: g = 12, dg/dx = 6, dg/dy = 0
# RUN: r_g [2, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [2, 6, 3, 0, 1]}
# x = -1, y = 3: g = 18, dg/dx = 0, dg/dy = 12; seed 2 onto 1, 1: 1 + 0 = 1, 1 + 24 = 25
# RUN: g [-1, 3]
# EXPECT: {"return": 18, "args": [-1, 3]}
# RUN: r_g [-1, 1, 3, 1, 2]
# EXPECT: {"return": null, "args": [-1, 1, 3, 25, 2]}
# x = 2, y = 3: k = 4 + 18 = 22, dk/dx = 4 + 9 = 13, dk/dy = 12
# RUN: k [2, 3]
# EXPECT: {"return": 22, "args": [2, 3]}
# RUN: r_k [2, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [2, 13, 3, 12, 1]}
# Reverse of the reverse derivative (its call of _d_rev_inout_maybe_seta is differentiated with
# the in-out adjoint replaced in place). r_h's outputs: _dx = dret 2xy (x > 0; 0 otherwise),
# _dy = dret (x^2 + 3) (x > 0; dret (4y + 3) otherwise).
# x = 2, y = 5, dret = 1, seeds (1, 0): d(dret 2xy)/d(x, y, dret) = (2y, 2x, 2xy) = (10, 4, 20)
# RUN: rr_h [2, 0, 1, 5, 0, 0, 1, 0]
# EXPECT: {"return": null, "args": [2, 10, 1, 5, 4, 0, 1, 20]}
# x = -1, y = 5, dret = 1, seeds (0, 1): d(dret (4y + 3))/d(x, y, dret) = (0, 4, 23)
# RUN: rr_h [-1, 0, 0, 5, 0, 1, 1, 0]
# EXPECT: {"return": null, "args": [-1, 0, 0, 5, 4, 1, 1, 23]}
