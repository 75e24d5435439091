# Nested while loops (each with its own max_iter).

def triangle(n : In[int]) -> int:
    i : int
    j : int
    c : int
    while (i < n, max_iter := 10):
        j = 0
        while (j <= i, max_iter := 10):
            c = c + 1
            j = j + 1
        i = i + 1
    return c

# 1 + 2 + ... + n inner iterations: n = 4 -> 10; n = 12 (past both max_iters) -> 78
# RUN: triangle [4]
# EXPECT: {"return": 10, "args": [4]}
# RUN: triangle [12]
# EXPECT: {"return": 78, "args": [12]}
