"""The Hamiltonian of a chain of masses joined by springs, and its gradient by reverse mode:
Hamilton's equations dq/dt = dH/dp, dp/dt = -dH/dq come from one call of dH.

H(q, p) = sum p_i^2 / (2m) + sum_i k/2 (q[i+1] - q[i] - rest)^2
"""

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

dH = rev_diff(hamiltonian)

# One symplectic Euler step of length dt: p -= dt * dH/dq, then q += dt * dH/dp at the new p.
def step(q : In[Array[float]], p : In[Array[float]], n : In[int], m : In[float], k : In[float],
         rest : In[float], dt : In[float], qn : Out[Array[float]], pn : Out[Array[float]]):
    dq : Array[float, 64]
    dp : Array[float, 64]
    dm : float
    dk : float
    drest : float
    dn : int
    dH(q, dq, p, dp, n, dn, m, dm, k, dk, rest, drest, 1.0)
    for i in range(n):
        pn[i] = p[i] - dt * dq[i]
        qn[i] = q[i] + dt * pn[i] / m

# q = [0, 1.5, 2.5], p = [1, 0, -2], m = 2, k = 4, rest = 1:
# kinetic = (1 + 0 + 4) / 4 = 1.25; springs s = 0.5, 0: potential = 0.5 * 4 * 0.25 = 0.5
# RUN: hamiltonian [[0, 1.5, 2.5], [1, 0, -2], 3, 2.0, 4.0, 1.0]
# EXPECT: {"return": 1.75, "args": [[0, 1.5, 2.5], [1, 0, -2], 3, 2, 4, 1]}
# dH/dq = k*s0 * (-1, 1, 0) = (-2, 2, 0); dH/dp = p/m = (0.5, 0, -1);
# dH/dm = -sum p^2 / (2 m^2) = -0.625; dH/dk = sum s^2 / 2 = 0.125; dH/drest = -k * sum s = -2
# RUN: dH [[0, 1.5, 2.5], [0, 0, 0], [1, 0, -2], [0, 0, 0], 3, 0, 2.0, 0.0, 4.0, 0.0, 1.0, 0.0, 1.0]
# EXPECT: {"return": null, "args": [[0, 1.5, 2.5], [-2, 2, 0], [1, 0, -2], [0.5, 0, -1], 3, 0, 2, -0.625, 4, 0.125, 1, -2, 1]}
# step with dt = 0.1: pn = p - 0.1 * (-2, 2, 0) = (1.2, -0.2, -2); qn = q + 0.1 * pn / 2
# = (0.06, 1.49, 2.4)
# RUN: step [[0, 1.5, 2.5], [1, 0, -2], 3, 2.0, 4.0, 1.0, 0.1, [0, 0, 0], [0, 0, 0]]
# EXPECT: {"return": null, "args": [[0, 1.5, 2.5], [1, 0, -2], 3, 2, 4, 1, 0.1, [0.06, 1.49, 2.4], [1.2, -0.2, -2]]}
