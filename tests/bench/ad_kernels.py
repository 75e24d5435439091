"""Kernels for the cheap-gradient benchmark (tests/bench/bench_ad.cpp): each does O(n) work in
a loop so that the call overhead does not matter, and has forward and reverse derivatives."""

def poly(x : In[float]) -> float:
    return x * x * x - 6.0 * x * x + 9.0 * x + 1.0

# The polynomial evaluated on every element of x, summed.
def poly_sum(x : In[Array[float]], n : In[int]) -> float:
    s : float
    for i in range(n):
        s = s + poly(x[i])
    return s

# The Hamiltonian of a chain of n masses joined by springs.
def hamiltonian(q : In[Array[float]], p : In[Array[float]], n : In[int], m : In[float],
                k : In[float], rest : In[float]) -> float:
    kinetic : float
    potential : float
    s : float
    for i in range(n):
        kinetic = kinetic + p[i] * p[i] / (2.0 * m)
    for i in range(n - 1):
        s = q[i + 1] - q[i] - rest
        potential = potential + 0.5 * k * s * s
    return kinetic + potential

# A 1-D three-point stencil: the sum of squared discrete Laplacians.
def stencil(u : In[Array[float]], n : In[int]) -> float:
    s : float
    l : float
    for i in range(1, n - 1):
        l = u[i - 1] - 2.0 * u[i] + u[i + 1]
        s = s + l * l
    return s

# Nested while loops (outer rows, inner columns) over an n-by-m grid stored row by row.
def nested_while(x : In[Array[float]], n : In[int], m : In[int]) -> float:
    acc : float
    i : int
    j : int
    while (i < n, max_iter := 1000):
        j = 0
        while (j < m, max_iter := 1000):
            acc = acc + x[i * m + j] * x[i * m + j] * 0.5
            j = j + 1
        i = i + 1
    return acc

d_poly_sum = fwd_diff(poly_sum)
r_poly_sum = rev_diff(poly_sum)
d_hamiltonian = fwd_diff(hamiltonian)
r_hamiltonian = rev_diff(hamiltonian)
d_stencil = fwd_diff(stencil)
r_stencil = rev_diff(stencil)
d_nested_while = fwd_diff(nested_while)
r_nested_while = rev_diff(nested_while)
