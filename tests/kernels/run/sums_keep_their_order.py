# Sums in loops are added in the order the kernel writes them, although the C compiler now
# vectorizes such loops (-fvect-cost-model=cheap, docs/cli.md): float addition is not
# associative, and a reassociated sum is another number here. In binary32 1e8 + 1 rounds back to
# 1e8 (the spacing of floats there is 8), so in order the seven ones before -1e8 are lost and the
# sum of [1e8, 1 (7 times), -1e8, 1 (7 times)] is 7; added in four interleaved lanes it is 13.
# The same holds for the value and the tangent sum of forward mode.

def total(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < n, max_iter := 1000):
        s = s + x[i]
        i = i + 1
    return s

def weighted(x : In[Array[float]], w : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < n, max_iter := 1000):
        s = s + w[i] * x[i]
        i = i + 1
    return s

d_weighted = fwd_diff(weighted)

# RUN: total [[100000000, 1, 1, 1, 1, 1, 1, 1, -100000000, 1, 1, 1, 1, 1, 1, 1], 16]
# EXPECT: {"return": 7, "args": [[100000000, 1, 1, 1, 1, 1, 1, 1, -100000000, 1, 1, 1, 1, 1, 1, 1], 16]}
# Twice over (32 elements): 7 + 1e8 rounds to 1e8 + 8 (the nearest float), the next seven ones
# are lost, -1e8 leaves 8, and the last seven make 15.
# RUN: total [[100000000, 1, 1, 1, 1, 1, 1, 1, -100000000, 1, 1, 1, 1, 1, 1, 1, 100000000, 1, 1, 1, 1, 1, 1, 1, -100000000, 1, 1, 1, 1, 1, 1, 1], 32]
# EXPECT: {"return": 15, "args": [[100000000, 1, 1, 1, 1, 1, 1, 1, -100000000, 1, 1, 1, 1, 1, 1, 1, 100000000, 1, 1, 1, 1, 1, 1, 1, -100000000, 1, 1, 1, 1, 1, 1, 1], 32]}
# Forward mode, w = 1 (tangent 0), x with value and tangent the same pattern: both sums are 7.
# RUN: d_weighted [[{"val": 100000000, "dval": 100000000}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": -100000000, "dval": -100000000}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}], [{"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}], 16]
# EXPECT: {"return": {"val": 7, "dval": 7}, "args": [[{"val": 100000000, "dval": 100000000}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": -100000000, "dval": -100000000}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}, {"val": 1, "dval": 1}], [{"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}, {"val": 1, "dval": 0}], 16]}
