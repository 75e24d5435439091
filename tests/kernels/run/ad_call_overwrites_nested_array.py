# Reverse mode restores a local array of structs (with and without static array members)
# that a call overwrote through an Out argument, element by element on a tape, before undoing
# the statements that read its earlier values.
# fillp(x) = [{a: x, b: x^2}, {a: 3x, b: 1}]. g(x): after fillp(x): s = p0.a p1.a + p0.b =
# 3x^2 + x^2 = 4x^2; after fillp(2x): s += p0.b p1.a p1.b = (4x^2)(6x)(1) = 24x^3.
# g = 4x^2 + 24x^3, g' = 8x + 72x^2.
# fillr(x) = [{v: [x, x^2], w: 1}, {v: [2x, 0], w: x}]. h(x): after fillr(x):
# s = r0.v1 r1.w + r1.v0 = x^3 + 2x; after fillr(2x): s += r0.v0 r1.v0 r0.w = (2x)(4x)(1) = 8x^2.
# h = x^3 + 8x^2 + 2x, h' = 3x^2 + 16x + 2.

class P:
    a : float
    b : float

class R:
    v : Array[float, 2]
    w : float

def fillp(x : In[float], ps : Out[Array[P, 2]]):
    ps[0].a = x
    ps[0].b = x * x
    ps[1].a = 3.0 * x
    ps[1].b = 1.0

def g(x : In[float]) -> float:
    ps : Array[P, 2]
    s : float = 0.0
    fillp(x, ps)
    s = ps[0].a * ps[1].a + ps[0].b
    fillp(2.0 * x, ps)
    s = s + ps[0].b * ps[1].a * ps[1].b
    return s

def fillr(x : In[float], rs : Out[Array[R, 2]]):
    rs[0].v[0] = x
    rs[0].v[1] = x * x
    rs[0].w = 1.0
    rs[1].v[0] = 2.0 * x
    rs[1].v[1] = 0.0
    rs[1].w = x

def h(x : In[float]) -> float:
    rs : Array[R, 2]
    s : float = 0.0
    fillr(x, rs)
    s = rs[0].v[1] * rs[1].w + rs[1].v[0]
    fillr(2.0 * x, rs)
    s = s + rs[0].v[0] * rs[1].v[0] * rs[0].w
    return s

r_g = rev_diff(g)
r_h = rev_diff(h)

# x = 0.5: g = 1 + 3 = 4
# RUN: g [0.5]
# EXPECT: {"return": 4, "args": [0.5]}
# g' = 4 + 18 = 22
# RUN: r_g [0.5, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 22, 1]}
# x = 1, seed 2: g' = 8 + 72 = 80, times 2 = 160
# RUN: r_g [1, 0, 2]
# EXPECT: {"return": null, "args": [1, 160, 2]}
# x = 0.5: h = 0.125 + 2 + 1 = 3.125
# RUN: h [0.5]
# EXPECT: {"return": 3.125, "args": [0.5]}
# h' = 0.75 + 8 + 2 = 10.75
# RUN: r_h [0.5, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 10.75, 1]}
