# Array[Array[float]] parameters: a list of lists, possibly ragged (one pointer per level).

def row_sums(m : In[Array[Array[float]]], lens : In[Array[int]], rows : In[int], out : Out[Array[float]]):
    for i in range(rows):
        out[i] = 0.0
        for j in range(lens[i]):
            out[i] = out[i] + m[i][j]

# rows [1, 2, 3], [4], [5, 6] -> 6, 4, 11
# RUN: row_sums [[[1, 2, 3], [4], [5, 6]], [3, 1, 2], 3, [9, 9, 9]]
# EXPECT: {"return": null, "args": [[[1, 2, 3], [4], [5, 6]], [3, 1, 2], 3, [6, 4, 11]]}

def fill_triangle(t : Out[Array[Array[int]]], rows : In[int]):
    for i in range(rows):
        for j in range(i + 1):
            t[i][j] = i * 10 + j

# writes through both levels are visible at the caller's (ragged) shapes
# RUN: fill_triangle [[[0], [0, 0], [0, 0, 0]], 3]
# EXPECT: {"return": null, "args": [[[0], [10, 11], [20, 21, 22]], 3]}

def corner(c : In[Array[Array[Array[float]]]]) -> float:
    return c[1][0][1] + c[0][1][0]

# three levels: c[1][0][1] = 6, c[0][1][0] = 3 -> 9
# RUN: corner [[[[1, 2], [3]], [[5, 6]]]]
# EXPECT: {"return": 9.0, "args": [[[[1, 2], [3]], [[5, 6]]]]}
