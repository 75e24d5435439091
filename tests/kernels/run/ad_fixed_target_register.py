# A reverse loop over j that accumulates into one element it does not move (_dpx[i] while c runs
# over the centres; _dx[i] while k runs over the coefficients) adds into a local and stores the
# element once after the loop (docs/ad.md, "Stencil adjoints in registers").
# nearest: cost = sum_i min_c (px[i] - cx[c])^2. d/dpx[i] = 2 (px[i] - cx[c*]),
#   d/dcx[c*] -= 2 (px[i] - cx[c*]) for the nearest centre c* of each point.
#   px = (0.5, 2, -1.25), cx = (0, 1.5, -2): nearest 0, 1, 2 at differences 0.5, 0.5, 0.75.
# horner: s = sum_i c2 x_i^2 + c1 x_i + c0. ds/dx_i = 2 c2 x_i + c1; ds/dc_k = sum_i x_i^k.
#   c = (1, -2, 0.5), x = (1, 2, -1): ds/dx = (-1, 0, -3), ds/dc = (3, 2, 6).

def nearest(px : In[Array[float]], cx : In[Array[float]], n : In[int], k : In[int]) -> float:
    cost : float = 0.0
    best : float
    d : float
    for i in range(n):
        best = 1e30
        for c in range(k):
            d = (px[i] - cx[c]) * (px[i] - cx[c])
            if d < best:
                best = d
        cost = cost + best
    return cost

def horner(x : In[Array[float]], c : In[Array[float]], n : In[int], deg : In[int]) -> float:
    s : float = 0.0
    p : float
    i : int = 0
    k : int
    while (i < n, max_iter := 1000):
        p = c[deg]
        k = deg - 1
        while (k >= 0, max_iter := 100):
            p = p * x[i] + c[k]
            k = k - 1
        s = s + p
        i = i + 1
    return s

r_nearest = rev_diff(nearest)
r_horner = rev_diff(horner)

# RUN: r_nearest --check-bounds [[0.5, 2, -1.25], [0, 0, 0], [0, 1.5, -2], [0, 0, 0], 3, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [[0.5, 2, -1.25], [1, 1, 1.5], [0, 1.5, -2], [-1, -1, -1.5], 3, 0, 3, 0, 1]}
# RUN: r_horner --check-bounds [[1, 2, -1], [0, 0, 0], [1, -2, 0.5], [0, 0, 0], 3, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, -1], [-1, 0, -3], [1, -2, 0.5], [3, 2, 6], 3, 0, 2, 0, 1]}
# No point: nothing is accumulated, nothing outside the arrays is touched.
# RUN: r_nearest --check-bounds [[], [], [0, 1.5, -2], [0.25, 0, 0], 0, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [[], [], [0, 1.5, -2], [0.25, 0, 0], 0, 0, 3, 0, 1]}
