"""Structs, static and unbounded arrays: the kinetic energy of a set of particles."""

class Particle:
    pos : Array[float, 3]
    vel : Array[float, 3]
    mass : float

def kinetic(p : In[Particle]) -> float:
    v2 : float = p.vel[0] * p.vel[0] + p.vel[1] * p.vel[1] + p.vel[2] * p.vel[2]
    return 0.5 * p.mass * v2

def total_energy(ps : In[Array[Particle]], n : In[int], each : Out[Array[float]]) -> float:
    e : float
    for i in range(n):
        each[i] = kinetic(ps[i])
        e = e + each[i]
    return e
