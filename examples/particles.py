"""Structs, static and unbounded arrays: the kinetic energy of a set of particles."""

class Particle:
    pos : Array[float, 3]
    vel : Array[float, 3]
    mass : float

def kinetic(p : In[Particle]) -> float:
    v2 : float = p.vel[0] * p.vel[0] + p.vel[1] * p.vel[1] + p.vel[2] * p.vel[2]
    return 0.5 * p.mass * v2

# The energy of each particle goes to `each`, the total is returned.
def total_energy(ps : In[Array[Particle]], n : In[int], each : Out[Array[float]]) -> float:
    e : float
    k : float
    for i in range(n):
        k = kinetic(ps[i])
        each[i] = k
        e = e + k
    return e

# kinetic: 0.5 * 2 * (1 + 4 + 4) = 9; the second particle: 0.5 * 3 * 1 = 1.5
# RUN: kinetic [{"pos": [0, 0, 0], "vel": [1, 2, 2], "mass": 2.0}]
# EXPECT: {"return": 9, "args": [{"pos": [0, 0, 0], "vel": [1, 2, 2], "mass": 2}]}
# RUN: total_energy [[{"pos": [0, 0, 0], "vel": [1, 2, 2], "mass": 2.0}, {"pos": [1, 1, 1], "vel": [1, 0, 0], "mass": 3.0}], 2, [0, 0]]
# EXPECT: {"return": 10.5, "args": [[{"pos": [0, 0, 0], "vel": [1, 2, 2], "mass": 2}, {"pos": [1, 1, 1], "vel": [1, 0, 0], "mass": 3}], 2, [9, 1.5]]}
