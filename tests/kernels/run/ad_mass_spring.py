# A mass-spring Hamiltonian: H(q, p) = sum p[i]^2 / (2 m) + k/2 sum (q[i+1] - q[i])^2 over springs.
# dH/dp[i] = p[i]/m; dH/dq[i] = k (q[i] - q[i-1]) - k (q[i+1] - q[i]) (terms for existing springs).
# q = [0, 1, 3], p = [1, 2, 3], m = 2, k = 4: H = 14/4 + 2 (1 + 4) = 13.5;
# dH/dq = [-4, 4 - 8, 8] = [-4, -4, 8], dH/dp = [0.5, 1, 1.5].

def hamiltonian(q : In[Array[float]], p : In[Array[float]], n : In[int], m : In[float], k : In[float]) -> float:
    kinetic : float = 0.0
    potential : float = 0.0
    for i in range(n):
        kinetic = kinetic + p[i] * p[i] / (2.0 * m)
    for i in range(n - 1):
        potential = potential + 0.5 * k * (q[i + 1] - q[i]) * (q[i + 1] - q[i])
    return kinetic + potential

grad_h = rev_diff(hamiltonian)

# 3.5 + 10
# RUN: hamiltonian [[0, 1, 3], [1, 2, 3], 3, 2, 4]
# EXPECT: {"return": 13.5, "args": [[0, 1, 3], [1, 2, 3], 3, 2, 4]}
# dH/dm = -sum p^2 / (2 m^2) = -14/8; dH/dk = sum (dq)^2 / 2 = 5/2
# RUN: grad_h [[0, 1, 3], [0, 0, 0], [1, 2, 3], [0, 0, 0], 3, 0, 2, 0, 4, 0, 1]
# EXPECT: {"return": null, "args": [[0, 1, 3], [-4, -4, 8], [1, 2, 3], [0.5, 1, 1.5], 3, 0, 2, -1.75, 4, 2.5, 1]}
