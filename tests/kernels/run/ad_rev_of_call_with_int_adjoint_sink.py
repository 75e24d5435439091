# The course's Hessian recipe with arrays: grad calls a declared reverse derivative, passing on
# its own Out array for the gradient and a local int for the int adjoint output `_dn` (never
# read or written, §6.3), and h = rev_diff(grad). The local int is not needed by h's forward
# sweep, so the call is not replayed (a replay would need a buffer for the Out array g, which h
# does not have: it used to stop with an internal compiler error).

def f(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    for i in range(n):
        s = s + x[i] * x[i] * x[i]
    return s

g_f = rev_diff(f)

def grad(x : In[Array[float]], g : Out[Array[float]], n : In[int]):
    dn : int
    g_f(x, g, n, dn, 1.0)

h = rev_diff(grad)

# g[i] += 3 x[i]^2
# RUN: grad [[1, 2], [0, 0], 2]
# EXPECT: {"return": null, "args": [[1, 2], [3, 12], 2]}
# Hessian diag(6 x[i]) times _dg = (1, 0.5): _dx = (6, 6)
# RUN: h [[1, 2], [0, 0], [1, 0.5], 2, 0]
# EXPECT: {"return": null, "args": [[1, 2], [6, 6], [1, 0.5], 2, 0]}
