# A counted while loop whose reverse derivative needs no recorded value (the adjoints read x and
# u, which the loop never writes, and i, undone by its inverse step) is not replayed to count its
# iterations: the count and the final i are computed on entry (docs/ad.md, Tapes). The forms
# `n >= i` stepping by 3 (a zero-trip case too) and `n > i` stepping by 1, and max_iter exceeded.

def s3(x : In[float], u : In[Array[float]], a : In[int], n : In[int]) -> float:
    r : float = 0.0
    i : int = a
    while (n >= i, max_iter := 5):
        r = r + x * u[i]
        i = i + 3
    return r

def s1(x : In[float], u : In[Array[float]], n : In[int]) -> float:
    r : float = 0.0
    i : int = 0
    while (n > i, max_iter := 16):
        r = r + x * x * u[i]
        i = i + 1
    return r

r_s3 = rev_diff(s3)
r_s1 = rev_diff(s1)

# u[k] = k + 1. a = 1, n = 10: i = 1, 4, 7, 10: s3 = x (2 + 5 + 8 + 11) = 26 x, so _dx = 26 and
# _du[i] = x = 0.5 at i = 1, 4, 7, 10.
# RUN: r_s3 [0.5, 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1, 0, 10, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 26, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0, 0.5, 0, 0, 0.5, 0, 0, 0.5, 0, 0, 0.5, 0, 0, 0, 0, 0], 1, 0, 10, 0, 1]}
# a = 5, n = 2: no iteration, nothing changes (_dx keeps its 0.25)
# RUN: r_s3 [0.5, 0.25, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 5, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 0.25, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 5, 0, 2, 0, 1]}
# a = 0, n = 16: i = 0, 3, ..., 15 is six iterations, more than max_iter 5
# RUN: r_s3 [0.5, 0, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0, 16, 0, 1]
# EXIT: 3
# STDERR: reverse-mode while loop exceeded max_iter (5)
# n = 4: s1 = x^2 (1 + 2 + 3 + 4) = 10 x^2, _dx = 20 x = 10 at 0.5, _du[0..3] = x^2 = 0.25
# RUN: r_s1 [0.5, 0, [1, 2, 3, 4, 5], [0, 0, 0, 0, 0], 4, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 10, [1, 2, 3, 4, 5], [0.25, 0.25, 0.25, 0.25, 0], 4, 0, 1]}
