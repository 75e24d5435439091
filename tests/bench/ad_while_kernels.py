"""Kernels for the cheap-gradient benchmark written the way loma users write them (issue 11):
`while` loops with max_iter (loma's own loop), straight-line formulas, struct parameters,
nested loops and calls inside loops. tests/bench/bench_ad.cpp times each against its primal."""

# A cubic in three variables, straight-line (the benchmark calls it for 1000 points).
def cubic3(x : In[float], y : In[float], z : In[float]) -> float:
    return x * x * x + 3.0 * x * x * y - 2.0 * x * y * z + y * y * z - 4.0 * z * z * z + 5.0 * x - y

class Springs:
    k : float
    rest : float
    m : float

# Energy of a chain of n masses joined by springs; the constants come in a struct parameter.
def spring_energy(q : In[Array[float]], p : In[Array[float]], n : In[int], c : In[Springs]) -> float:
    e : float = 0.0
    s : float = 0.0
    i : int = 0
    while (i < n, max_iter := 10000000):
        e = e + p[i] * p[i] / (2.0 * c.m)
        i = i + 1
    i = 0
    while (i < n - 1, max_iter := 10000000):
        s = q[i + 1] - q[i] - c.rest
        e = e + 0.5 * c.k * s * s
        i = i + 1
    return e

# Roughness of a signal: the sum of squared discrete Laplacians, one while loop.
def roughness(u : In[Array[float]], n : In[int]) -> float:
    r : float = 0.0
    l : float = 0.0
    i : int = 1
    while (i < n - 1, max_iter := 10000000):
        l = u[i - 1] - 2.0 * u[i] + u[i + 1]
        r = r + l * l
        i = i + 1
    return r

# Nested while loops over an n-by-m grid stored row by row; the product couples neighbours.
def grid_energy(x : In[Array[float]], n : In[int], m : In[int]) -> float:
    acc : float = 0.0
    i : int = 0
    j : int = 0
    while (i < n, max_iter := 4096):
        j = 0
        while (j < m - 1, max_iter := 4096):
            acc = acc + x[i * m + j] * x[i * m + j + 1]
            j = j + 1
        i = i + 1
    return acc

# The energy of a grid's 5-point Laplacian, nested while loops over an n-by-m grid: each point
# reads its four neighbours, so the reverse sweep adds into five elements per point (three of
# them in the same row, held in a window of locals).
def laplace_energy(u : In[Array[float]], n : In[int], m : In[int]) -> float:
    e : float = 0.0
    lap : float = 0.0
    i : int = 1
    j : int = 1
    while (i < n - 1, max_iter := 4096):
        j = 1
        while (j < m - 1, max_iter := 4096):
            lap = u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1] + u[i * m + j + 1] - 4.0 * u[i * m + j]
            e = e + lap * lap
            j = j + 1
        i = i + 1
    return e

def cell(a : In[float], b : In[float]) -> float:
    return a * a * b - 2.0 * a * b + b * b

# A call of a user function inside a while loop.
def call_sum(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < n - 1, max_iter := 10000000):
        s = s + cell(x[i], x[i + 1])
        i = i + 1
    return s

d_cubic3 = fwd_diff(cubic3)
r_cubic3 = rev_diff(cubic3)
d_spring_energy = fwd_diff(spring_energy)
r_spring_energy = rev_diff(spring_energy)
d_roughness = fwd_diff(roughness)
r_roughness = rev_diff(roughness)
d_grid_energy = fwd_diff(grid_energy)
r_grid_energy = rev_diff(grid_energy)
d_laplace_energy = fwd_diff(laplace_energy)
r_laplace_energy = rev_diff(laplace_energy)
d_call_sum = fwd_diff(call_sum)
r_call_sum = rev_diff(call_sum)
