# A primal that takes a Diff[float] (§6.7 last-but-one row): p(d) = d.val * d.dval.
# Its reverse derivative has a _dfloat adjoint: (_dd.val, _dd.dval) += (d.dval, d.val) _dreturn.

def p(d : In[Diff[float]]) -> float:
    return d.val * d.dval

r_p = rev_diff(p)
f_p = fwd_diff(p)

# (4*2, 3*2)
# RUN: r_p [{"val": 3, "dval": 4}, {"val": 0, "dval": 0}, 2]
# EXPECT: {"return": null, "args": [{"val": 3, "dval": 4}, {"val": 8, "dval": 6}, 2]}
# d/d(d.val) = d.dval = 4
# RUN: f_p [{"val": {"val": 3, "dval": 1}, "dval": {"val": 4, "dval": 0}}]
# EXPECT: {"return": {"val": 12, "dval": 4}, "args": [{"val": {"val": 3, "dval": 1}, "dval": {"val": 4, "dval": 0}}]}
