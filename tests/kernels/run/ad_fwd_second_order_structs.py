# Forward derivatives of functions that themselves use differential types: the generated code
# needs second-order structs (_d_dfloat, _d_dP) that nothing else declares; they must be
# materialised in the module (the runtime reported "unknown struct").
# slope(x) = d/dx (x*x) = 2x computed with a Diff[float] local and d_sq; its derivative is 2.
# g(p) = p.x.val * p.x.dval on Diff[P]; dg's tangent is val' * dval + val * dval'.

class P:
    x : float

def sq(x : In[float]) -> float:
    return x * x

d_sq = fwd_diff(sq)

def slope(x : In[float]) -> float:
    d : Diff[float] = make__dfloat(x, 1.0)
    r : Diff[float] = d_sq(d)
    return r.dval

d_slope = fwd_diff(slope)

# The same with a Diff[float] local set member-wise and a member of a call result.
def slope_members(x : In[float]) -> float:
    dx : Diff[float]
    dx.val = x
    dx.dval = 1.0
    return d_sq(dx).dval * x

d_slope_members = fwd_diff(slope_members)

def g(p : In[Diff[P]]) -> float:
    return p.x.val * p.x.dval

dg = fwd_diff(g)

# slope(3) = 6, slope' = 2
# RUN: d_slope [{"val": 3, "dval": 1}]
# EXPECT: {"return": {"val": 6, "dval": 2}, "args": [{"val": 3, "dval": 1}]}
# slope_members(x) = 2x * x = 2x^2; at 3: 18, derivative 4x = 12
# RUN: d_slope_members [{"val": 3, "dval": 1}]
# EXPECT: {"return": {"val": 18, "dval": 12}, "args": [{"val": 3, "dval": 1}]}
# val = 2 (tangent 1), dval = 3 (tangent 0.5): 6, 1*3 + 2*0.5 = 4
# RUN: dg [{"x": {"val": {"val": 2, "dval": 1}, "dval": {"val": 3, "dval": 0.5}}}]
# EXPECT: {"return": {"val": 6, "dval": 4}, "args": [{"x": {"val": {"val": 2, "dval": 1}, "dval": {"val": 3, "dval": 0.5}}}]}
