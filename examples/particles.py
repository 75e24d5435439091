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
