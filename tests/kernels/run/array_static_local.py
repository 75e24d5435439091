# Local static arrays Array[T, N], including 2-D Array[Array[int, 3], 2].

def fib_table(n : In[int]) -> int:
    t : Array[int, 20]
    t[0] = 0
    t[1] = 1
    for i in range(2, 20):
        t[i] = t[i - 1] + t[i - 2]
    return t[n]

# Fibonacci: F(10) = 55, F(19) = 4181
# RUN: fib_table [10]
# EXPECT: {"return": 55, "args": [10]}
# RUN: fib_table [19]
# EXPECT: {"return": 4181, "args": [19]}

def grid_sum() -> int:
    g : Array[Array[int, 3], 2]
    for r in range(2):
        for c in range(3):
            g[r][c] = r * 10 + c
    return g[0][0] + g[0][1] + g[0][2] + g[1][0] + g[1][1] + g[1][2]

# 0 + 1 + 2 + 10 + 11 + 12 = 36
# RUN: grid_sum
# EXPECT: {"return": 36, "args": []}
