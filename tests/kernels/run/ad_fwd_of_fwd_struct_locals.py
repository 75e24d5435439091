# Forward derivatives of forward derivatives whose bodies declare differential locals: the
# generated code uses second-order structs (_d_dfloat, _d_dP) that appear in no signature the
# module declares; they must be emitted (the runtime reported "unknown struct _d_dfloat").
# cube(x) = x^3, d_cube its forward derivative; slope(x) = d_cube((x, 1)).dval = 3x^2,
# slope'(x) = 6x. For P: mk(a) = P(x = a*a), use(a) = mk(a).x * a = a^3, d_use = fwd_diff(use);
# tangent_of(a) = d_use((a, 1)).dval = 3a^2, its derivative 6a.

class P:
    x : float

def cube(x : In[float]) -> float:
    return x * x * x

d_cube = fwd_diff(cube)

def slope(x : In[float]) -> float:
    dx : Diff[float]
    dx.val = x
    dx.dval = 1.0
    return d_cube(dx).dval

dd_slope = fwd_diff(slope)

def mk(a : In[float]) -> P:
    p : P
    p.x = a * a
    return p

def use(a : In[float]) -> float:
    q : P = mk(a)
    return q.x * a

d_use = fwd_diff(use)

def tangent_of(a : In[float]) -> float:
    da : Diff[float] = make__dfloat(a, 1.0)
    return d_use(da).dval

dd_tangent = fwd_diff(tangent_of)

# slope(2) = 12, slope'(2) = 12
# RUN: dd_slope [{"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 12, "dval": 12}, "args": [{"val": 2, "dval": 1}]}
# tangent_of(0.5) = 0.75, derivative 3; tangent seed 2 doubles it: 6
# RUN: dd_tangent [{"val": 0.5, "dval": 2}]
# EXPECT: {"return": {"val": 0.75, "dval": 6}, "args": [{"val": 0.5, "dval": 2}]}
