# Arrays with a for loop: b[i] = a[i]^2 * c for i < n. Forward: b[i].dval = 2 a[i] a'[i] c + a[i]^2 c'.
# Reverse: _da[i] += 2 a[i] c _db[i], _dc += sum a[i]^2 _db[i], and _db is consumed (set to 0)
# where the primal wrote b; elements beyond n keep their contents.

def h(a : In[Array[float]], c : In[float], b : Out[Array[float]], n : In[int]):
    for i in range(n):
        b[i] = a[i] * a[i] * c

dh = fwd_diff(h)
rh = rev_diff(h)

# b = [2, 8], b[2] untouched
# RUN: h [[1, 2, 3], 2, [0, 0, 7], 2]
# EXPECT: {"return": null, "args": [[1, 2, 3], 2, [2, 8, 7], 2]}
# b[0]: 2*1*1*2 + 1*1 = 5; b[1]: 0 + 4*1 = 4
# RUN: dh [[{"val": 1, "dval": 1}, {"val": 2, "dval": 0}, {"val": 3, "dval": 0}], {"val": 2, "dval": 1}, [{"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], 2]
# EXPECT: {"return": null, "args": [[{"val": 1, "dval": 1}, {"val": 2, "dval": 0}, {"val": 3, "dval": 0}], {"val": 2, "dval": 1}, [{"val": 2, "dval": 5}, {"val": 8, "dval": 4}, {"val": 0, "dval": 0}], 2]}
# _da = [2*1*2, 2*2*2] = [4, 8]; _dc = 1 + 4 = 5; _db[0:2] consumed
# RUN: rh [[1, 2, 3], [0, 0, 0], 2, 0, [1, 1, 1], 2, 0]
# EXPECT: {"return": null, "args": [[1, 2, 3], [4, 8, 0], 2, 5, [0, 0, 1], 2, 0]}
