# The adjoint of a struct In parameter accumulates in a local inside the loop and is added to
# _dc once at the end (docs/ad.md, "Adjoint outputs in registers").
# e = sum k x[i]^2 / m; x = [1, 2], k = 3, m = 2: e = 1.5 + 6 = 7.5.
# de/dx = 2 k x / m = [3, 6]; de/dk = sum x^2 / m = 2.5; de/dm = -k sum x^2 / m^2 = -3.75.

class C:
    k : float
    m : float

def e(x : In[Array[float]], n : In[int], c : In[C]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < n, max_iter := 10):
        s = s + c.k * x[i] * x[i] / c.m
        i = i + 1
    return s

r_e = rev_diff(e)

# RUN: e [[1, 2], 2, {"k": 3, "m": 2}]
# EXPECT: {"return": 7.5, "args": [[1, 2], 2, {"k": 3, "m": 2}]}
# _dc starts at {1, 1}: the adjoint is added to it
# RUN: r_e [[1, 2], [0, 0], 2, 0, {"k": 3, "m": 2}, {"k": 1, "m": 1}, 1]
# EXPECT: {"return": null, "args": [[1, 2], [3, 6], 2, 0, {"k": 3, "m": 2}, {"k": 3.5, "m": -2.75}, 1]}
