# start and stop are evaluated once, on entry: changing the variables they use inside the body
# does not change the trip count. The trip count never overflows.

def moving_stop(n : In[int]) -> int:
    m : int = n
    c : int
    for i in range(m):
        m = m + 1
        c = c + 1
    return c * 1000 + m

# 3 iterations although m grows to 6: 3 * 1000 + 6
# RUN: moving_stop [3]
# EXPECT: {"return": 3006, "args": [3]}

def moving_start(n : In[int]) -> int:
    a : int = 0
    s : int
    for i in range(a, n):
        a = a + 10
        s = s + i
    return s

# i = 0..4 regardless of a: 10
# RUN: moving_start [5]
# EXPECT: {"return": 10, "args": [5]}

def huge_steps() -> int:
    c : int
    s : int
    for i in range(-2147483647 - 1, 2147483647, 1073741824):
        c = c + 1
        s = s + i / 1024
    for j in range(2147483647, -2147483647 - 1, -1073741824):
        c = c + 100
    return c * 100000 + s

# up: count = ceil((2^31 - 1 - (-2^31)) / 2^30) = 4: i = -2^31, -2^30, 0, 2^30 (a naive
# `i += step` loop would wrap past 2^31 - 1 and never stop); s = sum of i / 1024 =
# -2097152 - 1048576 + 0 + 1048576 = -2097152.
# down: 2^31 - 1, 2^30 - 1, -1, -2^30 - 1 -> 4 iterations. c = 4 + 400 = 404.
# 404 * 100000 - 2097152 = 38302848
# RUN: huge_steps
# EXPECT: {"return": 38302848, "args": []}
