# A member Array[Array[float, 2], 3] is 3 rows of 2, laid out contiguously (C: float m[3][2]).

class Mat32:
    m : Array[Array[float, 2], 3]
    rows : int

def trace_like(a : In[Mat32]) -> float:
    return a.m[0][0] + a.m[1][1] + a.m[2][0] * 10.0 + a.rows

# 1 + 4 + 5 * 10 + 3 = 58
# RUN: trace_like [{"m": [[1, 2], [3, 4], [5, 6]], "rows": 3}]
# EXPECT: {"return": 58.0, "args": [{"m": [[1, 2], [3, 4], [5, 6]], "rows": 3}]}

def transpose_into(a : In[Mat32], t : Out[Array[float]]):
    for i in range(3):
        for j in range(2):
            t[j * 3 + i] = a.m[i][j]

# t = a^T flattened row-major (2 rows of 3): [1, 3, 5, 2, 4, 6]
# RUN: transpose_into [{"m": [[1, 2], [3, 4], [5, 6]], "rows": 3}, [0, 0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [{"m": [[1, 2], [3, 4], [5, 6]], "rows": 3}, [1, 3, 5, 2, 4, 6]]}

def build() -> Mat32:
    a : Mat32
    a.m[2][1] = 9.5
    a.m[0][1] = -1.0
    a.rows = 3
    return a

# zero-initialised except the two written elements
# RUN: build
# EXPECT: {"return": {"m": [[0, -1], [0, 0], [0, 9.5]], "rows": 3}, "args": []}
