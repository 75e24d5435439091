# for loops with steps (§9.1): the reverse derivative iterates the same indices backwards.
# s(x, n) = sum over i in range(1, n, 2) of x[i] * x[i-1]  (pairs (1,0), (3,2), ...), and
# t(x, n) = sum over k in range(n - 1, -1, -1) of k * x[k].

def s(x : In[Array[float]], n : In[int]) -> float:
    acc : float = 0.0
    for i in range(1, n, 2):
        acc = acc + x[i] * x[i - 1]
    return acc

def t(x : In[Array[float]], n : In[int]) -> float:
    acc : float = 0.0
    for k in range(n - 1, -1, -1):
        acc = acc + int2float(k) * x[k]
    return acc

r_s = rev_diff(s)
r_t = rev_diff(t)
d_s = fwd_diff(s)

# i = 1, 3: 2*1 + 4*3 = 14
# RUN: s [[1, 2, 3, 4, 5], 5]
# EXPECT: {"return": 14, "args": [[1, 2, 3, 4, 5], 5]}
# _dx[i-1] += x[i], _dx[i] += x[i-1]; x[4] unused
# RUN: r_s [[1, 2, 3, 4, 5], [0, 0, 0, 0, 0], 5, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4, 5], [2, 1, 4, 3, 0], 5, 0, 1]}
# dt/dx[k] = k for k < 4
# RUN: r_t [[1, 2, 3, 4, 5], [0, 0, 0, 0, 0], 4, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4, 5], [0, 1, 2, 3, 0], 4, 0, 1]}
# all tangents 1: sum of x[i] + x[i-1] over the pairs = 3 + 7
# RUN: d_s [[{"val": 1, "dval": 1}, {"val": 2, "dval": 1}, {"val": 3, "dval": 1}, {"val": 4, "dval": 1}, {"val": 5, "dval": 1}], 4]
# EXPECT: {"return": {"val": 14, "dval": 10}, "args": [[{"val": 1, "dval": 1}, {"val": 2, "dval": 1}, {"val": 3, "dval": 1}, {"val": 4, "dval": 1}, {"val": 5, "dval": 1}], 4]}
