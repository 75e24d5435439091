# Heap tapes persist per thread between calls (docs/ad.md, "Tapes"): three calls of one reverse
# derivative in one run, the first growing the tape to 128 entries, the later ones reusing it.
# p(x, n) = x^n; dp/dx = n x^(n-1). At x = 1.1: 100 * 1.1^99 + 3 * 1.1^2 + 70 * 1.1^69
# = 100 * 12527.83 + 3.63 + 70 * 718.9 = 1252783.0 + 3.63 + 50256.6 = 1303043.2

def p(x : In[float], n : In[int]) -> float:
    r : float = 1.0
    i : int = 0
    while (i < n, max_iter := 200):
        r = r * x
        i = i + 1
    return r

r_p = rev_diff(p)

def three(x : In[float]) -> float:
    a : float
    b : float
    c : float
    k : int
    r_p(x, a, 100, k, 1.0)
    r_p(x, b, 3, k, 1.0)
    r_p(x, c, 69 + 1, k, 1.0)
    return a + b + c

# RUN: three [1.1]
# EXPECT: {"return": 1303043.2, "args": [1.1]}
