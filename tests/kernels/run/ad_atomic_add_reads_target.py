# atomic_add(t, v) whose value v reads the target t: t = t + v with t̄ passing through (§4), so
# v's inputs receive t̄ as it was before any of them (t's own share included). The adjoint used
# to be read after v's first contribution had already been added to it. In forward mode the
# tangent v' is computed before t.val changes (it used to read the updated t.val: 3.38 for
# 2.4 below).

def sq(x : In[float]) -> float:
    r : float = x
    atomic_add(r, r * r)
    return r

def prod(x : In[float], y : In[float]) -> float:
    r : float = y
    atomic_add(r, r * x)
    return r

# A local array element as the target, read twice by the value.
def arr(x : In[Array[float]]) -> float:
    a : Array[float, 2]
    a[0] = x[0]
    a[1] = x[1]
    atomic_add(a[0], a[0] * a[1] + a[0])
    return a[0]

r_sq = rev_diff(sq)
r_prod = rev_diff(prod)
d_sq = fwd_diff(sq)
d_prod = fwd_diff(prod)
d_arr = fwd_diff(arr)

# r = x + x^2: 1 + 2x = 2 at 0.5 (was (1 + x)^2 = 2.25)
# RUN: r_sq [0.5, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 2, 1]}
# r = y + xy: d/dx = y = 2, d/dy = 1 + x = 1.5 at (0.5, 2) (d/dx was (1 + x) y = 3)
# RUN: r_prod [0.5, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 2, 2, 1.5, 1]}

# Forward mode, by hand: sq = x + x^2 = 1.19, d/dx = 1 + 2x = 2.4 at 0.7
# RUN: d_sq [{"val": 0.7, "dval": 1}]
# EXPECT: {"return": {"val": 1.19, "dval": 2.4}, "args": [{"val": 0.7, "dval": 1}]}
# prod = y + xy = 3 at (0.5, 2): seeding x gives y = 2, seeding y gives 1 + x = 1.5
# RUN: d_prod [{"val": 0.5, "dval": 1}, {"val": 2, "dval": 0}]
# EXPECT: {"return": {"val": 3, "dval": 2}, "args": [{"val": 0.5, "dval": 1}, {"val": 2, "dval": 0}]}
# RUN: d_prod [{"val": 0.5, "dval": 0}, {"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 3, "dval": 1.5}, "args": [{"val": 0.5, "dval": 0}, {"val": 2, "dval": 1}]}
# arr = 2 x0 + x0 x1 = 2.45 at (0.7, 1.5): d/dx0 = 2 + x1 = 3.5, d/dx1 = x0 = 0.7
# RUN: d_arr [[{"val": 0.7, "dval": 1}, {"val": 1.5, "dval": 0}]]
# EXPECT: {"return": {"val": 2.45, "dval": 3.5}, "args": [[{"val": 0.7, "dval": 1}, {"val": 1.5, "dval": 0}]]}
# RUN: d_arr [[{"val": 0.7, "dval": 0}, {"val": 1.5, "dval": 1}]]
# EXPECT: {"return": {"val": 2.45, "dval": 0.7}, "args": [[{"val": 0.7, "dval": 0}, {"val": 1.5, "dval": 1}]]}
