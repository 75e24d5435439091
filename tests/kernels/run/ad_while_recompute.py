# Reverse mode of a while stencil (docs/ad.md, "Inverse steps", "Recomputation instead of a
# tape"): `i = i + 1` is undone by `i = i - 1` and l is recomputed from u and i, so the loop
# records nothing; the gradient must be the same as with tapes.
# r = sum over i = 1 .. n-2 of l_i^2, l_i = u[i-1] - 2 u[i] + u[i+1].
# u = [0, 1, 3, 2]: l_1 = 0 - 2 + 3 = 1, l_2 = 1 - 6 + 2 = -3, r = 1 + 9 = 10.
# dr/du = 2 l_1 [1, -2, 1, 0] + 2 l_2 [0, 1, -2, 1] = [2, -4, 2, 0] + [0, -6, 12, -6] = [2, -10, 14, -6].

def rough(u : In[Array[float]], n : In[int]) -> float:
    r : float = 0.0
    l : float = 0.0
    i : int = 1
    while (i < n - 1, max_iter := 100):
        l = u[i - 1] - 2.0 * u[i] + u[i + 1]
        r = r + l * l
        i = i + 1
    return r

r_rough = rev_diff(rough)

# RUN: rough [[0, 1, 3, 2], 4]
# EXPECT: {"return": 10, "args": [[0, 1, 3, 2], 4]}
# RUN: r_rough [[0, 1, 3, 2], [0, 0, 0, 0], 4, 0, 1]
# EXPECT: {"return": null, "args": [[0, 1, 3, 2], [2, -10, 14, -6], 4, 0, 1]}
