# Struct declarations, member reads and writes, structs as In / return values.

class Vec2:
    x : float
    y : float

class Tagged:
    id : int
    v : Vec2

def dot(a : In[Vec2], b : In[Vec2]) -> float:
    return a.x * b.x + a.y * b.y

# 1*3 + 2*4 = 11
# RUN: dot [{"x": 1, "y": 2}, {"x": 3, "y": 4}]
# EXPECT: {"return": 11.0, "args": [{"x": 1, "y": 2}, {"x": 3, "y": 4}]}

def make(id : In[int], x : In[float]) -> Tagged:
    t : Tagged
    t.id = id + 1
    t.v.x = x
    t.v.y = x * x
    return t

# id = 41 + 1, v = (3, 9)
# RUN: make [41, 3.0]
# EXPECT: {"return": {"id": 42, "v": {"x": 3, "y": 9}}, "args": [41, 3]}

def member_of_call(x : In[float]) -> float:
    return make(0, x).v.y - make(5, 1.0).id

# member access on call results: x*x - 6 = 16 - 6 = 10
# RUN: member_of_call [4.0]
# EXPECT: {"return": 10.0, "args": [4]}
