# A user struct identical to a generated differential struct (same members, types, order) is
# that type [ext]: this keeps `emit --stage diff` output re-checkable.

class _dfloat:
    val : float
    dval : float

def swap(d : In[_dfloat]) -> Diff[float]:
    r : Diff[float]
    r.val = d.dval
    r.dval = d.val
    return r

# RUN: swap [{"val": 1.5, "dval": -2.0}]
# EXPECT: {"return": {"val": -2.0, "dval": 1.5}, "args": [{"val": 1.5, "dval": -2}]}
