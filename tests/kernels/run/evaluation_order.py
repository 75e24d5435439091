# Assignment order: the right-hand side first, then the target's index expressions (left to
# right), then the store. Only calls that write In arrays can observe it.

def bump(a : In[Array[float]]) -> float:
    a[0] = 3.0
    return 7.0

def idx(a : In[Array[float]]) -> int:
    return float2int(a[0])

def order(a : In[Array[float]]):
    a[idx(a)] = bump(a)

# bump runs first (a[0] = 3, value 7), then idx reads a[0] = 3: a[3] = 7.
# (evaluating the target index first would give index 0 and [7, 0, 0, 0, 0])
# RUN: order [[0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [[3, 0, 0, 7, 0]]}

def step(a : In[Array[float]]) -> int:
    a[0] = a[0] + 1.0
    return float2int(a[0])

def two_indices(g : In[Array[Array[float]]]):
    g[step(g[2])][step(g[2])] = bump(g[2])

# RHS first: bump sets g[2][0] = 3; then indices left to right: step -> 4, step -> 5,
# g[4][5] = 7 (g[2][0] ends at 5)
# RUN: two_indices [[[0], [0], [0], [0], [0, 0, 0, 0, 0, 0]]]
# EXPECT: {"return": null, "args": [[[0], [0], [5], [0], [0, 0, 0, 0, 0, 7]]]}
