# Nested while loops: the inner iteration counts are pushed per outer iteration (tapes sized by the
# product of the max_iters). f(x, n, m) = sum over i < n of sum over j < m of x^(j+1) * (i+1), accumulated
# through a running power; df/dx = sum_i (i+1) sum_j (j+1) x^j. For n = 2, m = 3, x = 2:
# f = (1+2) * (2 + 4 + 8) = 42, df/dx = 3 * (1 + 4 + 12) = 51.

def f(x : In[float], n : In[int], m : In[int]) -> float:
    s : float = 0.0
    pw : float = 1.0
    i : int = 0
    j : int = 0
    while (i < n, max_iter := 4):
        pw = 1.0
        j = 0
        while (j < m, max_iter := 5):
            pw = pw * x
            s = s + pw * int2float(i + 1)
            j = j + 1
        i = i + 1
    return s

d_f = fwd_diff(f)
r_f = rev_diff(f)

# (1 + 2) * 14
# RUN: f [2, 2, 3]
# EXPECT: {"return": 42, "args": [2, 2, 3]}
# 3 * (1 + 2*2 + 3*4) = 51
# RUN: d_f [{"val": 2, "dval": 1}, 2, 3]
# EXPECT: {"return": {"val": 42, "dval": 51}, "args": [{"val": 2, "dval": 1}, 2, 3]}
# 51
# RUN: r_f [2, 0, 2, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [2, 51, 2, 0, 3, 0, 1]}
# x = 1: (1+2+3+4) * (1+2+3+4+5) * 0.5 = 75
# RUN: r_f [1, 0, 4, 0, 5, 0, 0.5]
# EXPECT: {"return": null, "args": [1, 75, 4, 0, 5, 0, 0.5]}
