# A matrix-vector product in nested while loops: the inner accumulator t is assigned only as
# `t = t + ...` inside the inner loop, and the loop follows `t = 0.0`, which is taped; no adjoint
# reads t inside the loop, so the inner loop records nothing (docs/ad.md, "What is restored").
# s = sum_i t_i^2 with t_i = sum_j a[i n + j] x[j]: ds/da[i n + j] = 2 t_i x_j,
# ds/dx_j = sum_i 2 t_i a[i n + j].

def matvec(a : In[Array[float]], x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    j : int = 0
    t : float = 0.0
    while (i < n, max_iter := 100):
        t = 0.0
        j = 0
        while (j < n, max_iter := 100):
            t = t + a[i * n + j] * x[j]
            j = j + 1
        s = s + t * t
        i = i + 1
    return s

r_matvec = rev_diff(matvec)

# a = [[1, 2], [3, 4]], x = (0.5, -1): t = (-1.5, -2.5), s = 8.5.
# da = (2(-1.5)(0.5), 2(-1.5)(-1), 2(-2.5)(0.5), 2(-2.5)(-1)) = (-1.5, 3, -2.5, 5);
# dx = (2(-1.5)(1) + 2(-2.5)(3), 2(-1.5)(2) + 2(-2.5)(4)) = (-18, -26).
# RUN: r_matvec [[1, 2, 3, 4], [0, 0, 0, 0], [0.5, -1], [0, 0], 2, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4], [-1.5, 3, -2.5, 5], [0.5, -1], [-18, -26], 2, 0, 1]}
