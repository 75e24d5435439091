# A call statement whose Out argument is also read by one of its In arguments: `sq(r, r)`
# (the In parameter is a copy taken on entry, §3.8). The adjoint the callee's reverse derivative
# accumulates for the In argument belongs to r's entry value; the zeroing of r's adjoint (the
# value the call overwrites has none) must come first. It used to come after, or the callee
# accumulated straight into the adjoint it was consuming, and every derivative below was 0.

def sq(x : In[float], y : Out[float]):
    y = x * x

def twice(x : In[float]) -> float:
    r : float = x
    sq(r, r)
    return r

def scaled(x : In[float]) -> float:
    r : float = x
    sq(r * 2.0, r)
    return r

def power4(x : In[float], n : In[int]) -> float:
    r : float = x
    for i in range(n):
        sq(r, r)
    return r

class AB:
    a : float
    b : float

def lin(s : In[AB], y : Out[float]):
    y = s.a * s.b + s.a

def member(x : In[float], z : In[float]) -> float:
    s : AB
    s.a = x
    s.b = z
    lin(s, s.a)
    return s.a * s.b

# Writes y on one path only: called through its consuming derivative (docs/ad.md, Calls).
def triple(x : In[float], y : Out[float]):
    if x > 0.0:
        y = x * x
        y = 3.0 * x

def consumed(x : In[float]) -> float:
    r : float = x * x
    triple(r, r)
    return r

r_twice = rev_diff(twice)
r_scaled = rev_diff(scaled)
r_power4 = rev_diff(power4)
r_member = rev_diff(member)
r_consumed = rev_diff(consumed)

# r = x^2: 2x = 6
# RUN: r_twice [3, 0, 1]
# EXPECT: {"return": null, "args": [3, 6, 1]}
# r = (2x)^2 = 4x^2: 8x = 24 (the argument is an expression: a temporary adjoint)
# RUN: r_scaled [3, 0, 1]
# EXPECT: {"return": null, "args": [3, 24, 1]}
# n = 2: r = x^4, 4x^3 = 13.5 at 1.5
# RUN: r_power4 [1.5, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [1.5, 13.5, 2, 0, 1]}
# s.a = xz + x, result (xz + x) z: d/dx = z^2 + z = 6, d/dz = 2xz + x = 2.5 at (0.5, 2)
# RUN: r_member [0.5, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 6, 2, 2.5, 1]}
# x > 0: r = 3x^2, 6x = 3 at 0.5
# RUN: r_consumed [0.5, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 3, 1]}
