# Energy of a chain of particles stored as an array of structs (for)
class Particle:
    x : float
    y : float
    vx : float
    vy : float
    m : float

def chain_energy(p : In[Array[Particle]], n : In[int], k : In[float], g : In[float]) -> float:
    e : float
    dx : float
    dy : float
    for i in range(n):
        e = e + 0.5 * p[i].m * (p[i].vx * p[i].vx + p[i].vy * p[i].vy) + p[i].m * g * p[i].y
    for i in range(n - 1):
        dx = p[i + 1].x - p[i].x
        dy = p[i + 1].y - p[i].y
        e = e + 0.5 * k * (dx * dx + dy * dy)
    return e

d_chain_energy = fwd_diff(chain_energy)
r_chain_energy = rev_diff(chain_energy)
