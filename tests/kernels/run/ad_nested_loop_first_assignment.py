# The 5-point Laplacian energy over the interior of an n-by-m grid, in nested while loops. The
# adjoint of `lap` holds 0 before the reverse loops, and each inner iteration sets it to 0 last,
# so in every inner iteration its first accumulation is an assignment,
# `_d_lap = _d_e * 2.0 * lap` (docs/ad.md, "Zero adjoints").
# u = 0 except u[1,1] = 1, u[2,2] = 2 on a 4 x 4 grid: lap = -4, 3, 3, -8 at (1,1), (1,2),
# (2,1), (2,2); e = 16 + 9 + 9 + 64 = 98. de/du[p] = -4 (2 lap(p)) at an interior p plus
# 2 lap(q) over its interior neighbours q: (0,1) -8, (0,2) 6, (1,0) -8, (1,1) 32 + 6 + 6 = 44,
# (1,2) -24 - 8 - 16 = -48, (1,3) 6, (2,0) 6, (2,1) -48, (2,2) 64 + 6 + 6 = 76, (2,3) -16,
# (3,1) 6, (3,2) -16; 0 elsewhere.
def laplace_energy(u : In[Array[float]], n : In[int], m : In[int]) -> float:
    e : float = 0.0
    lap : float = 0.0
    i : int = 1
    j : int = 1
    while (i < n - 1, max_iter := 64):
        j = 1
        while (j < m - 1, max_iter := 64):
            lap = u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1] + u[i * m + j + 1] - 4.0 * u[i * m + j]
            e = e + lap * lap
            j = j + 1
        i = i + 1
    return e

r_laplace_energy = rev_diff(laplace_energy)

# RUN: laplace_energy [[0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0], 4, 4]
# EXPECT: {"return": 98, "args": [[0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0], 4, 4]}
# RUN: r_laplace_energy --check-bounds [[0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 4, 0, 4, 0, 1]
# EXPECT: {"return": null, "args": [[0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0], [0, -8, 6, 0, -8, 44, -48, 6, 6, -48, 76, -16, 0, 6, -16, 0], 4, 0, 4, 0, 1]}
