# for i in range(start, stop, step) with a positive constant step [ext]

def odd_sum(n : In[int]) -> int:
    s : int
    for i in range(1, n, 2):
        s = s + i
    return s

# 1 + 3 + 5 + 7 + 9 = 25 (stop 10 excluded); stop 11: 11 is excluded too -> 25
# RUN: odd_sum [10]
# EXPECT: {"return": 25, "args": [10]}
# RUN: odd_sum [11]
# EXPECT: {"return": 25, "args": [11]}

def trip_count(a : In[int], b : In[int]) -> int:
    c : int
    for i in range(a, b, 3):
        c = c + 1
    return c

# ceil((10 - 0) / 3) = 4 iterations (0, 3, 6, 9); ceil((9 - 0) / 3) = 3 (0, 3, 6)
# RUN: trip_count [0, 10]
# EXPECT: {"return": 4, "args": [0, 10]}
# RUN: trip_count [0, 9]
# EXPECT: {"return": 3, "args": [0, 9]}
