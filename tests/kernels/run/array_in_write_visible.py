# Writing an element of an In array writes the caller's buffer (warning in-array-write): the
# caller, and the printed argument, see the change.

def bump(x : In[Array[float]], i : In[int]):
    x[i] = x[i] + 100.0

def caller(x : In[Array[float]]) -> float:
    before : float = x[1]
    bump(x, 1)
    return x[1] - before

# bump writes through the In array: x[1] goes 2 -> 102, caller sees +100
# RUN: caller [[1, 2, 3]]
# EXPECT: {"return": 100.0, "args": [[1, 102, 3]]}

# called directly: the argument prints the buffer after the call
# RUN: bump [[1, 2, 3], 2]
# EXPECT: {"return": null, "args": [[1, 2, 103], 2]}
