# Struct assignment copies every member, including static array members element by element:
# later writes to the copy do not affect the original.

class State:
    v : Array[float, 2]
    k : int

def copy_then_modify(s : In[State], r : Out[Array[float]]):
    a : State
    b : State
    a = s
    b = a
    b.v[0] = 100.0
    b.k = 7
    r[0] = a.v[0]
    r[1] = a.k
    r[2] = b.v[0]
    r[3] = b.v[1]
    r[4] = s.v[0]

# a is a copy of s (v[0] = 1, k = 2); b a copy of a, then modified: a and s keep their values
# RUN: copy_then_modify [{"v": [1, 5], "k": 2}, [0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [{"v": [1, 5], "k": 2}, [1, 2, 100, 5, 1]]}

def in_copy(s : In[State]) -> float:
    s.v[1] = 0.0
    s.k = 0
    return s.v[0] + s.v[1] + s.k

def caller(s : In[State]) -> float:
    before : float = s.v[1]
    t : float = in_copy(s)
    return before * 10.0 + t + s.v[1]

# in_copy changes only its own copy of the In struct: before = 5, t = 1 + 0 + 0 = 1,
# s.v[1] still 5 -> 50 + 1 + 5 = 56
# RUN: caller [{"v": [1, 5], "k": 2}]
# EXPECT: {"return": 56.0, "args": [{"v": [1, 5], "k": 2}]}
