# A function without a return annotation is void: it has no return statement and the JSON
# result is null.

def scale(x : Out[Array[float]], n : In[int], k : In[float]):
    for i in range(n):
        x[i] = x[i] * k

# RUN: scale [[1, -2, 3], 3, -2.0]
# EXPECT: {"return": null, "args": [[-2, 4, -6], 3, -2]}

def nothing(a : In[int]):
    a = a + 1

# the In scalar prints as passed, even though the callee changed its own copy
# RUN: nothing [5]
# EXPECT: {"return": null, "args": [5]}

def noop_no_args():
    x : int = 1

# RUN: noop_no_args
# EXPECT: {"return": null, "args": []}
