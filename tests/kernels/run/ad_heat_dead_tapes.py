# Explicit heat-equation steps between two local arrays. The reverse sweep reads only v (the
# stencil's input) and the final u, which it reads before undoing any step: the old values of u
# that the steps overwrite are never read again, so they are not recorded (docs/ad.md, "Dead
# tapes"); the old values of v are. e = sum_i i u_i^2 after `steps` steps.
# Gradients computed exactly (rational dual numbers) for u0 = (1, 2, 0, -1, 3), r = 1/4, two
# steps: e = 2561/64; de/du0 = (53/64, 23/16, 21/8, 19/8, 1679/64), de/dr = 121/4.

def heat(u0 : In[Array[float]], r : In[float], n : In[int], steps : In[int]) -> float:
    u : Array[float, 8]
    v : Array[float, 8]
    e : float = 0.0
    i : int = 0
    t : int = 0
    while (i < n, max_iter := 8):
        u[i] = u0[i]
        i = i + 1
    while (t < steps, max_iter := 100):
        i = 0
        while (i < n, max_iter := 8):
            v[i] = u[i]
            i = i + 1
        i = 1
        while (i < n - 1, max_iter := 8):
            u[i] = v[i] + r * (v[i - 1] - 2.0 * v[i] + v[i + 1])
            i = i + 1
        t = t + 1
    i = 0
    while (i < n, max_iter := 8):
        e = e + u[i] * u[i] * int2float(i)
        i = i + 1
    return e

r_heat = rev_diff(heat)

# RUN: heat [[1, 2, 0, -1, 3], 0.25, 5, 2]
# EXPECT: {"return": 40.015625, "args": [[1, 2, 0, -1, 3], 0.25, 5, 2]}
# RUN: r_heat --check-bounds [[1, 2, 0, -1, 3], [0, 0, 0, 0, 0], 0.25, 0, 5, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 0, -1, 3], [0.828125, 1.4375, 2.625, 2.375, 26.234375], 0.25, 30.25, 5, 0, 2, 0, 1]}
