# Reverse mode writes the adjoint of a square x * x as one accumulation (r̄ * 2.0) * x, and a
# negated adjoint times a constant as r̄ * -2.0 (docs/ad.md). Gradients by hand.

def sq(x : In[float], y : In[float]) -> float:
    return (x - 2.0 * y) * (x - 2.0 * y)

# e = sum of (u[i] - 3 u[i + 1])^2 over i < n - 1, in a while loop
def chain(u : In[Array[float]], n : In[int]) -> float:
    e : float = 0.0
    i : int = 0
    while (i < n - 1, max_iter := 100):
        e = e + (u[i] - 3.0 * u[i + 1]) * (u[i] - 3.0 * u[i + 1])
        i = i + 1
    return e

r_sq = rev_diff(sq)
r_chain = rev_diff(chain)

# x = 3, y = 0.5: x - 2y = 2, so d/dx = 2 (x - 2y) = 4 and d/dy = -4 (x - 2y) = -8 (times 1.5).
# RUN: r_sq [3, 0, 0.5, 0, 1.5]
# EXPECT: {"return": null, "args": [3, 6, 0.5, -12, 1.5]}
# u = [1, 2, 4]: d0 = 1 - 6 = -5, d1 = 2 - 12 = -10. de/du0 = 2 d0 = -10;
# de/du1 = -6 d0 + 2 d1 = 30 - 20 = 10; de/du2 = -6 d1 = 60.
# RUN: r_chain [[1, 2, 4], [0, 0, 0], 3, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 4], [-10, 10, 60], 3, 0, 1]}
