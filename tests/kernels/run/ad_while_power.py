# A while loop (§3.6): p(x, n) multiplies r by x n times, so p = x^n and dp/dx = n x^(n-1).
# Reverse mode records the iteration count and the overwritten r on tapes sized by max_iter.

def p(x : In[float], n : In[int]) -> float:
    r : float = 1.0
    i : int = 0
    while (i < n, max_iter := 10):
        r = r * x
        i = i + 1
    return r

d_p = fwd_diff(p)
r_p = rev_diff(p)

# 1.5^3
# RUN: p [1.5, 3]
# EXPECT: {"return": 3.375, "args": [1.5, 3]}
# 3 * 1.5^2 = 6.75
# RUN: d_p [{"val": 1.5, "dval": 1}, 3]
# EXPECT: {"return": {"val": 3.375, "dval": 6.75}, "args": [{"val": 1.5, "dval": 1}, 3]}
# 6.75
# RUN: r_p [1.5, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [1.5, 6.75, 3, 0, 1]}
# n = 0: p = 1, derivative 0; _dx keeps 1
# RUN: r_p [2, 1, 0, 0, 1]
# EXPECT: {"return": null, "args": [2, 1, 0, 0, 1]}
# exactly max_iter iterations: 10 * 2^9 = 5120
# RUN: r_p [2, 0, 10, 0, 1]
# EXPECT: {"return": null, "args": [2, 5120, 10, 0, 1]}
# max_iter does not limit the primal (§3.6)
# RUN: p [1, 12]
# EXPECT: {"return": 1, "args": [1, 12]}
# nor the forward derivative: 12 * 1^11
# RUN: d_p [{"val": 1, "dval": 1}, 12]
# EXPECT: {"return": {"val": 1, "dval": 12}, "args": [{"val": 1, "dval": 1}, 12]}
# the reverse derivative reports 11 > max_iter iterations
# RUN: r_p [1, 0, 11, 0, 1]
# EXIT: 3
# STDERR: runtime error: reverse-mode while loop exceeded max_iter (10)
