# Tapes of loops whose trip count is known on entry are reserved once, before the loop, for the
# whole trip (docs/ad.md, Tapes): `while n >= i` stepping by 3, and a `for` range with step 2.
# y = y * x is taped (the adjoint of the product reads y).

def g(x : In[float], a : In[int], n : In[int]) -> float:
    y : float = 1.0
    i : int = a
    while (n >= i, max_iter := 20):
        y = y * x
        i = i + 3
    return y

def h(x : In[float], n : In[int]) -> float:
    y : float = 1.0
    for k in range(1, n, 2):
        y = y * x
    return y

r_g = rev_diff(g)
r_h = rev_diff(h)

# a = 1, n = 10: i = 1, 4, 7, 10, four iterations: g = x^4, g' = 4 x^3 = 4 * 3.375 = 13.5 at 1.5
# RUN: g [1.5, 1, 10]
# EXPECT: {"return": 5.0625, "args": [1.5, 1, 10]}
# RUN: r_g [1.5, 0, 1, 0, 10, 0, 1]
# EXPECT: {"return": null, "args": [1.5, 13.5, 1, 0, 10, 0, 1]}
# a = 5, n = 2: no iteration, g = 1, g' = 0 (_dx keeps its 0.25)
# RUN: r_g [1.5, 0.25, 5, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [1.5, 0.25, 5, 0, 2, 0, 1]}
# n = 6: k = 1, 3, 5: h = x^3, h' = 3 x^2 = 6.75 at 1.5
# RUN: r_h [1.5, 0, 6, 0, 1]
# EXPECT: {"return": null, "args": [1.5, 6.75, 6, 0, 1]}
