# max_iter has no effect on the primal function: the loop runs until its condition is false,
# even past max_iter (loma behaviour; max_iter only sizes reverse-mode tapes).

def count_to(n : In[int]) -> int:
    i : int
    while (i < n, max_iter := 3):
        i = i + 1
    return i

# max_iter is 3 but the loop runs 10 times
# RUN: count_to [10]
# EXPECT: {"return": 10, "args": [10]}

def sum_past(x : In[Array[float]], n : In[int]) -> float:
    s : float
    i : int
    while (i < n, max_iter := 1):
        s = s + x[i]
        i = i + 1
    return s

# 5 iterations with max_iter 1: 1 + 2 + 3 + 4 + 5 = 15
# RUN: sum_past [[1, 2, 3, 4, 5], 5]
# EXPECT: {"return": 15.0, "args": [[1, 2, 3, 4, 5], 5]}
