# Struct members of static array type are stored inline.

class Particle:
    pos : Array[float, 3]
    mass : float
    ids : Array[int, 2]

def kinetic_like(p : In[Particle]) -> float:
    return 0.5 * p.mass * (p.pos[0] * p.pos[0] + p.pos[1] * p.pos[1] + p.pos[2] * p.pos[2]) + p.ids[1]

# 0.5 * 2 * (1 + 4 + 4) + 7 = 9 + 7 = 16
# RUN: kinetic_like [{"pos": [1, 2, 2], "mass": 2.0, "ids": [3, 7]}]
# EXPECT: {"return": 16.0, "args": [{"pos": [1, 2, 2], "mass": 2, "ids": [3, 7]}]}

def scaled(p : In[Particle], k : In[float]) -> Particle:
    q : Particle = p
    q.pos[0] = p.pos[0] * k
    q.pos[1] = p.pos[1] * k
    q.pos[2] = p.pos[2] * k
    q.ids[0] = q.ids[0] + 1
    return q

# positions times 3; ids[0] + 1; the In argument prints unchanged
# RUN: scaled [{"pos": [1, 2, 2], "mass": 2.0, "ids": [3, 7]}, 3.0]
# EXPECT: {"return": {"pos": [3, 6, 6], "mass": 2, "ids": [4, 7]}, "args": [{"pos": [1, 2, 2], "mass": 2, "ids": [3, 7]}, 3]}
