"""A 1-D three-point stencil as an OpenMP parallel loop."""

def smooth(u : In[Array[float]], v : Out[Array[float]], n : In[int]) -> float:
    s : float
    #pragma omp parallel for shared(u, v) reduction(+:s)
    for i in range(1, n - 1):
        v[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]
        s = s + v[i]
    return s

# v[1] = 0 + 2 + 2 = 4, v[2] = 1 + 4 + 1 = 6, v[3] = 2 + 2 + 0 = 4; s = 14
# RUN: smooth [[0, 4, 8, 4, 0], [0, 0, 0, 0, 0], 5]
# EXPECT: {"return": 14, "args": [[0, 4, 8, 4, 0], [0, 4, 6, 4, 0], 5]}
