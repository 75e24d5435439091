# An Out parameter starts with whatever the caller's location holds; nothing is zeroed.

def add_to(x : In[float], acc : Out[float]):
    acc = acc + x

# acc starts at the passed 10: 10 + 2.5
# RUN: add_to [2.5, 10.0]
# EXPECT: {"return": null, "args": [2.5, 12.5]}

def count_up(n : Out[int]):
    n = n + 1

def thrice() -> int:
    k : int = 40
    count_up(k)
    count_up(k)
    count_up(k)
    return k

# each call reads the caller's current value: 40 -> 43
# RUN: thrice
# EXPECT: {"return": 43, "args": []}
