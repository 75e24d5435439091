# A call that writes only some members of a struct Out argument: the members it leaves alone
# keep their values across the call, so their adjoints pass through the call in reverse mode
# (only the written members' adjoints are zeroed).
# h(x, y): q.b = 3y, then seta(x, q) writes q.a = x^2 only, so h = q.a + q.b x = x^2 + 3xy:
# dh/dx = 2x + 3y, dh/dy = 3x. k(x, y) does the same through seta2, which passes q on whole.

class Q:
    a : float
    b : float

def seta(x : In[float], q : Out[Q]):
    q.a = x * x

def seta2(x : In[float], q : Out[Q]):
    seta(x, q)

def h(x : In[float], y : In[float]) -> float:
    q : Q
    q.b = y * 3.0
    seta(x, q)
    return q.a + q.b * x

def k(x : In[float], y : In[float]) -> float:
    q : Q
    q.b = y * 3.0
    seta2(x, q)
    return q.a + q.b * x

r_h = rev_diff(h)
r_k = rev_diff(k)

# x = 2, y = 5: h = 4 + 30 = 34
# RUN: h [2, 5]
# EXPECT: {"return": 34, "args": [2, 5]}
# dh/dx = 4 + 15 = 19, dh/dy = 6
# RUN: r_h [2, 0, 5, 0, 1]
# EXPECT: {"return": null, "args": [2, 19, 5, 6, 1]}
# seed 2, accumulating onto 1 and 1: 1 + 38 = 39, 1 + 12 = 13
# RUN: r_h [2, 1, 5, 1, 2]
# EXPECT: {"return": null, "args": [2, 39, 5, 13, 2]}
# RUN: r_k [2, 0, 5, 0, 1]
# EXPECT: {"return": null, "args": [2, 19, 5, 6, 1]}
