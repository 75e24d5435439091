# A for loop that overwrites a value the reverse sweep needs: p = p * x[i] (a product). The trip count
# is known only at run time, so the tape lives on the heap (§9.1). prod(x, n) = x0 x1 ... x(n-1);
# d/dx[k] = product of the others.

def prod(x : In[Array[float]], n : In[int]) -> float:
    p : float = 1.0
    for i in range(n):
        p = p * x[i]
    return p

r_prod = rev_diff(prod)
d_prod = fwd_diff(prod)

# 2*3*4*5
# RUN: prod [[2, 3, 4, 5], 4]
# EXPECT: {"return": 120, "args": [[2, 3, 4, 5], 4]}
# 120 / x[k]
# RUN: r_prod [[2, 3, 4, 5], [0, 0, 0, 0], 4, 0, 1]
# EXPECT: {"return": null, "args": [[2, 3, 4, 5], [60, 40, 30, 24], 4, 0, 1]}
# n = 2: (x1, x0)
# RUN: r_prod [[2, 3, 4, 5], [0, 0, 0, 0], 2, 0, 1]
# EXPECT: {"return": null, "args": [[2, 3, 4, 5], [3, 2, 0, 0], 2, 0, 1]}
# d/dx0 = 60
# RUN: d_prod [[{"val": 2, "dval": 1}, {"val": 3, "dval": 0}, {"val": 4, "dval": 0}, {"val": 5, "dval": 0}], 4]
# EXPECT: {"return": {"val": 120, "dval": 60}, "args": [[{"val": 2, "dval": 1}, {"val": 3, "dval": 0}, {"val": 4, "dval": 0}, {"val": 5, "dval": 0}], 4]}
