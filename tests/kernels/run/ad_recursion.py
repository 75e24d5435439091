# A recursive function: fact(x, n) = x^n by recursion; d/dx = n x^(n-1). Each activation of the
# reverse derivative keeps its own state.

def fact(x : In[float], n : In[int]) -> float:
    r : float = 1.0
    if n > 0:
        r = x * fact(x, n - 1)
    return r

d_fact = fwd_diff(fact)
r_fact = rev_diff(fact)

# 2^4
# RUN: fact [2, 4]
# EXPECT: {"return": 16, "args": [2, 4]}
# 4 * 2^3 = 32
# RUN: d_fact [{"val": 2, "dval": 1}, 4]
# EXPECT: {"return": {"val": 16, "dval": 32}, "args": [{"val": 2, "dval": 1}, 4]}
# 3 * 2^2 = 12
# RUN: r_fact [2, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [2, 12, 3, 0, 1]}
