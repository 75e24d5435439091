# Pairwise softened gravitational potential of n bodies (while loops)
def nbody(px : In[Array[float]], py : In[Array[float]], pz : In[Array[float]],
          m : In[Array[float]], n : In[int]) -> float:
    e : float
    dx : float
    dy : float
    dz : float
    i : int
    j : int
    while (i < n, max_iter := 1024):
        j = i + 1
        while (j < n, max_iter := 1024):
            dx = px[i] - px[j]
            dy = py[i] - py[j]
            dz = pz[i] - pz[j]
            e = e - m[i] * m[j] / sqrt(dx * dx + dy * dy + dz * dz + 0.01)
            j = j + 1
        i = i + 1
    return e

d_nbody = fwd_diff(nbody)
r_nbody = rev_diff(nbody)
