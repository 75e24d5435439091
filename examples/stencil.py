"""A 1-D three-point stencil as an OpenMP parallel loop, and its reverse derivative."""

def smooth(u : In[Array[float]], v : Out[Array[float]], n : In[int]) -> float:
    s : float
    #pragma omp parallel for shared(u, v) reduction(+:s)
    for i in range(1, n - 1):
        v[i] = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]
        s = s + 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]
    return s

# The adjoint loop: iteration i adds to _du[i - 1], _du[i] and _du[i + 1], so neighbouring
# iterations write the same element: _du is updated atomically (Scopes dock, OpenMP C pane).
d_smooth = rev_diff(smooth)

# v[1] = 0 + 2 + 2 = 4, v[2] = 1 + 4 + 1 = 6, v[3] = 2 + 2 + 0 = 4; s = 14
# RUN: smooth [[0, 4, 8, 4, 0], [0, 0, 0, 0, 0], 5]
# EXPECT: {"return": 14, "args": [[0, 4, 8, 4, 0], [0, 4, 6, 4, 0], 5]}

# d_smooth with _dv = [0, 1, 0, 0, 0] and _dreturn = 1: iteration i scatters the weight
# w_i = _dv[i] + 1 (w_1 = 2, w_2 = 1, w_3 = 1) as 0.25, 0.5, 0.25 onto _du[i - 1], _du[i], _du[i + 1]:
# _du = [0.25*2, 0.5*2 + 0.25*1, 0.25*2 + 0.5*1 + 0.25*1, 0.25*1 + 0.5*1, 0.25*1] = [0.5, 1.25, 1.25, 0.75, 0.25]
# RUN: d_smooth [[0, 4, 8, 4, 0], [0, 0, 0, 0, 0], [0, 1, 0, 0, 0], 5, 0, 1.0]
# EXPECT: {"return": null, "args": [[0, 4, 8, 4, 0], [0.5, 1.25, 1.25, 0.75, 0.25], [0, 0, 0, 0, 0], 5, 0, 1]}
