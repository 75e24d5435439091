# The reverse of a counted `while i < hi` loop stepping i by 1 runs i back down to its first
# value (`while i > _stop_i`, docs/ad.md "What is restored"), a loop the C compiler can
# vectorize; here at the top of the int range, where i ends at exactly 2^31 - 1.
# s = sum_{k=0}^{6} x[k] x[k+1]; ds/dx[m] = x[m-1] + x[m+1] (the neighbours that exist).
# x = 1..8: s = 2 + 6 + 12 + 20 + 30 + 42 + 56 = 168; ds/dx = (2, 4, 6, 8, 10, 12, 14, 7).
def pairs(x : In[Array[float]], hi : In[int]) -> float:
    s : float = 0.0
    i : int = 2147483640
    while (i < hi, max_iter := 16):
        s = s + x[i - 2147483640] * x[i - 2147483639]
        i = i + 1
    return s

# `i <= hi` may step past 2^31 - 1, so its reverse keeps counting iterations down.
# q = sum_{k=0}^{hi} k x[k]^2; dq/dx[k] = 2 k x[k]. hi = 3, x = (5, -1, 2, 0.5):
# q = 0 + 1 + 8 + 0.75 = 9.75; dq/dx = (0, -2, 8, 3).
def weighted(x : In[Array[float]], hi : In[int]) -> float:
    q : float = 0.0
    k : int = 0
    while (k <= hi, max_iter := 16):
        q = q + int2float(k) * x[k] * x[k]
        k = k + 1
    return q

r_pairs = rev_diff(pairs)
r_weighted = rev_diff(weighted)

# RUN: pairs [[1, 2, 3, 4, 5, 6, 7, 8], 2147483647]
# EXPECT: {"return": 168, "args": [[1, 2, 3, 4, 5, 6, 7, 8], 2147483647]}
# RUN: r_pairs --check-bounds [[1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 0, 0, 0, 0], 2147483647, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4, 5, 6, 7, 8], [2, 4, 6, 8, 10, 12, 14, 7], 2147483647, 0, 1]}
# An empty trip (hi below the first value) touches no adjoint.
# RUN: r_pairs --check-bounds [[1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 0, 0, 0, 0], 5, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4, 5, 6, 7, 8], [0, 0, 0, 0, 0, 0, 0, 0], 5, 0, 1]}
# RUN: r_weighted --check-bounds [[5, -1, 2, 0.5], [0, 0, 0, 0], 3, 0, 1]
# EXPECT: {"return": null, "args": [[5, -1, 2, 0.5], [0, -2, 8, 3], 3, 0, 1]}
