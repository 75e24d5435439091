# make__dfloat(v, d) builds a _dfloat {val, dval}; it is built in (no derivative needed), and
# lomaw run can call it directly.

def pair(x : In[float]) -> _dfloat:
    return make__dfloat(x * 2.0, 1)

# val = 2 * 1.25 = 2.5; the int 1 is converted for the In float parameter: dval = 1
# RUN: pair [1.25]
# EXPECT: {"return": {"val": 2.5, "dval": 1.0}, "args": [1.25]}

def sum_fields(x : In[float], y : In[float]) -> float:
    d : _dfloat = make__dfloat(x, y)
    return d.val + d.dval * 10.0

# 3 + 4 * 10 = 43
# RUN: sum_fields [3.0, 4.0]
# EXPECT: {"return": 43.0, "args": [3, 4]}

# calling the built-in itself
# RUN: make__dfloat [0.5, -2.0]
# EXPECT: {"return": {"val": 0.5, "dval": -2.0}, "args": [0.5, -2]}
