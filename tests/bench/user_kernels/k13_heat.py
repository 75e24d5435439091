# Explicit heat equation, copying between two local arrays every step (while)
def heat(u0 : In[Array[float]], r : In[float], n : In[int], steps : In[int]) -> float:
    u : Array[float, 1024]
    v : Array[float, 1024]
    e : float
    i : int
    t : int
    while (i < n, max_iter := 1024):
        u[i] = u0[i]
        i = i + 1
    while (t < steps, max_iter := 1000):
        i = 0
        while (i < n, max_iter := 1024):
            v[i] = u[i]
            i = i + 1
        i = 1
        while (i < n - 1, max_iter := 1024):
            u[i] = v[i] + r * (v[i - 1] - 2.0 * v[i] + v[i + 1])
            i = i + 1
        t = t + 1
    i = 0
    while (i < n, max_iter := 1024):
        e = e + u[i] * u[i] * int2float(i)
        i = i + 1
    return e

d_heat = fwd_diff(heat)
r_heat = rev_diff(heat)
