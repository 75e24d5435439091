# The energy of a grid's 5-point Laplacian, in nested while loops. The reverse of the inner loop
# accumulates into _du at three neighbouring elements of row i in every iteration; they wait in
# a window of locals and each element is stored once (docs/ad.md, "Stencil adjoints in
# registers"). The up and down neighbours (other rows) still accumulate through memory.
# E = sum over interior points p of lap_p^2, lap_p = u_up + u_down + u_left + u_right - 4 u_p;
# dE/du_k = sum_p 2 lap_p c_pk with c = 1 for a neighbour of p, -4 for p itself (tests/kernels
# values computed so and checked against central finite differences).

def lap_energy(u : In[Array[float]], n : In[int]) -> float:
    e : float = 0.0
    lap : float = 0.0
    i : int = 1
    j : int = 1
    while (i < n - 1, max_iter := 1000):
        j = 1
        while (j < n - 1, max_iter := 1000):
            lap = u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1] - 4.0 * u[i * n + j]
            e = e + lap * lap
            j = j + 1
        i = i + 1
    return e

# The same energy with for loops (the window's flush uses the last value of the loop variable).
def lap_energy_for(u : In[Array[float]], n : In[int]) -> float:
    e : float = 0.0
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            e = e + (u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1] - 4.0 * u[i * n + j]) * (u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1] - 4.0 * u[i * n + j])
    return e

r_lap_energy = rev_diff(lap_energy)
r_lap_energy_for = rev_diff(lap_energy_for)

# 4 x 4 grid (interior 2 x 2): E = 490.
# RUN: r_lap_energy --check-bounds [[1, 2, 0, 3, -1, 2, 1, 0, 2, -2, 3, 1, 0, 1, -1, 2], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 4, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 0, 3, -1, 2, 1, 0, 2, -2, 3, 1, 0, 1, -1, 2], [0, -16, 2, 0, -16, 98, -50, 2, 32, -170, 138, -26, 0, 32, -26, 0], 4, 0, 1]}
# RUN: r_lap_energy_for --check-bounds [[1, 2, 0, 3, -1, 2, 1, 0, 2, -2, 3, 1, 0, 1, -1, 2], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 4, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 0, 3, -1, 2, 1, 0, 2, -2, 3, 1, 0, 1, -1, 2], [0, -16, 2, 0, -16, 98, -50, 2, 32, -170, 138, -26, 0, 32, -26, 0], 4, 0, 1]}
# 5 x 5 grid, u_k = (7k mod 5) - 2: E = 150.
# RUN: r_lap_energy --check-bounds [[-2, 0, 2, -1, 1, -2, 0, 2, -1, 1, -2, 0, 2, -1, 1, -2, 0, 2, -1, 1, -2, 0, 2, -1, 1], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 5, 0, 1]
# EXPECT: {"return": null, "args": [[-2, 0, 2, -1, 1, -2, 0, 2, -1, 1, -2, 0, 2, -1, 1, -2, 0, 2, -1, 1, -2, 0, 2, -1, 1], [0, 0, -10, 10, 0, 0, -10, 40, -40, 10, 0, -10, 30, -30, 10, 0, -10, 40, -40, 10, 0, 0, -10, 10, 0], 5, 0, 1]}
# A 2 x 2 grid has no interior point: nothing is accumulated and nothing outside u is touched.
# RUN: r_lap_energy_for --check-bounds [[1, 2, 3, 4], [0.5, 0, 0, 0], 2, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4], [0.5, 0, 0, 0], 2, 0, 1]}
