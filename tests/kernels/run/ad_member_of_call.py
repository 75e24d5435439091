# A member of a call's result, f(x).m: reverse mode passes a zeroed result adjoint whose member
# m holds the adjoint to f's reverse derivative (it used to drop the adjoint, giving 0).
# mk(x) = P(a = x*x, b = 3x). use(x) = mk(x).a * mk(x).b + mk(x).b = 3x^3 + 3x,
# use'(x) = 9x^2 + 3. loop(x) = sum over i < 3 of mk(x).b * i = 9x, loop' = 9.

class P:
    a : float
    n : int
    b : float

def mk(x : In[float]) -> P:
    p : P
    p.a = x * x
    p.n = 7
    p.b = 3.0 * x
    return p

def use(x : In[float]) -> float:
    return mk(x).a * mk(x).b + mk(x).b - int2float(mk(x).n)

def loop(x : In[float]) -> float:
    s : float = 0.0
    for i in range(3):
        s = s + mk(x).b * int2float(i)
    return s

r_use = rev_diff(use)
d_use = fwd_diff(use)
r_loop = rev_diff(loop)

# 4 * 6 + 6 - 7 = 23
# RUN: use [2]
# EXPECT: {"return": 23, "args": [2]}
# 9 * 4 + 3 = 39
# RUN: r_use [2, 0, 1]
# EXPECT: {"return": null, "args": [2, 39, 1]}
# RUN: d_use [{"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 23, "dval": 39}, "args": [{"val": 2, "dval": 1}]}
# _dreturn = 2: 2 * 9 = 18
# RUN: r_loop [1.5, 0, 2]
# EXPECT: {"return": null, "args": [1.5, 18, 2]}
