# A struct member Array[float] is a pointer to a buffer: copying the struct copies the pointer,
# so both copies share the buffer (and the caller sees writes through an In struct).

class Buf:
    data : Array[float]
    n : int

def total(b : In[Buf]) -> float:
    s : float
    for i in range(b.n):
        s = s + b.data[i]
    return s

# 1 + 2 + 3.5 = 6.5
# RUN: total [{"data": [1, 2, 3.5], "n": 3}]
# EXPECT: {"return": 6.5, "args": [{"data": [1, 2, 3.5], "n": 3}]}

def scale_in(b : In[Buf], k : In[float]) -> int:
    for i in range(b.n):
        b.data[i] = b.data[i] * k
    b.n = 0
    return b.n

def scale_shared(b : In[Buf], k : In[float]) -> int:
    r : int = scale_in(b, k)
    return r + b.n

# passing b copies the struct but the copy's data member points at the same buffer, so the
# caller's data is scaled in place (x2); b.n = 0 changes only the callee's copy: 0 + 3 = 3,
# and the argument prints n = 3. (A local of type Buf is not allowed: unbounded member.)
# RUN: scale_shared [{"data": [1, 2, 3], "n": 3}, 2.0]
# EXPECT: {"return": 3, "args": [{"data": [2, 4, 6], "n": 3}, 2]}

class Ragged:
    rows : Array[Array[float]]
    lens : Array[int]
    count : int

def ragged_sum(r : In[Ragged]) -> float:
    s : float
    for i in range(r.count):
        for j in range(r.lens[i]):
            s = s + r.rows[i][j] * (i + 1)
    return s

# rows [[1, 2], [3], [4, 5, 6]] weighted by row index + 1: 3*1 + 3*2 + 15*3 = 3 + 6 + 45 = 54
# RUN: ragged_sum [{"rows": [[1, 2], [3], [4, 5, 6]], "lens": [2, 1, 3], "count": 3}]
# EXPECT: {"return": 54.0, "args": [{"rows": [[1, 2], [3], [4, 5, 6]], "lens": [2, 1, 3], "count": 3}]}
