# Structs: the tangent/adjoint of a struct has the same members; int members carry none.
# e(p) = p.x * p.v[0] + p.v[1]^2 * p.n: de/dx = v0, de/dv0 = x, de/dv1 = 2 v1 n.

class P:
    x : float
    v : Array[float, 2]
    n : int

def e(p : In[P]) -> float:
    return p.x * p.v[0] + p.v[1] * p.v[1] * p.n

de = fwd_diff(e)
re = rev_diff(e)

# 2*3 + 16*3 = 54
# RUN: e [{"x": 2, "v": [3, 4], "n": 3}]
# EXPECT: {"return": 54, "args": [{"x": 2, "v": [3, 4], "n": 3}]}
# tangent along x and v1: v0 + 2 v1 n = 3 + 24 = 27
# RUN: de [{"x": {"val": 2, "dval": 1}, "v": [{"val": 3, "dval": 0}, {"val": 4, "dval": 1}], "n": 3}]
# EXPECT: {"return": {"val": 54, "dval": 27}, "args": [{"x": {"val": 2, "dval": 1}, "v": [{"val": 3, "dval": 0}, {"val": 4, "dval": 1}], "n": 3}]}
# adjoint struct: x 3, v [2, 24]; its int member n keeps the 5 passed in
# RUN: re [{"x": 2, "v": [3, 4], "n": 3}, {"x": 0, "v": [0, 0], "n": 5}, 1]
# EXPECT: {"return": null, "args": [{"x": 2, "v": [3, 4], "n": 3}, {"x": 3, "v": [2, 24], "n": 5}, 1]}
