# An empty range runs the body zero times (trip count max(0, ...)).

def runs(a : In[int], b : In[int]) -> int:
    c : int = 100
    for i in range(a, b):
        c = c + 1
    for j in range(b, a, -1):
        c = c + 1000
    return c

# a = 5, b = 5: both empty -> 100; a = 7, b = 2: range(7, 2) is empty and so is
# range(2, 7, -1) (counting down from 2 never reaches above 7) -> 100
# RUN: runs [5, 5]
# EXPECT: {"return": 100, "args": [5, 5]}
# RUN: runs [7, 2]
# EXPECT: {"return": 100, "args": [7, 2]}
# a = 2, b = 4: the first runs twice (+2), range(4, 2, -1) runs twice (+2000) -> 2102
# RUN: runs [2, 4]
# EXPECT: {"return": 2102, "args": [2, 4]}

def zero_stop(n : In[int]) -> int:
    c : int
    for i in range(n):
        c = c + 1
    return c

# range(0) and range(-5) are empty
# RUN: zero_stop [0]
# EXPECT: {"return": 0, "args": [0]}
# RUN: zero_stop [-5]
# EXPECT: {"return": 0, "args": [-5]}
