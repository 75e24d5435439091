# A compound header may carry simple statements on the same line, separated by ';'.

def one_liners(x : In[int], r : Out[Array[int]]):
    if x > 0: r[0] = 1; r[1] = 2
    else: r[0] = -1; r[1] = -2
    for i in range(2): r[2] = r[2] + 10

# x = 5: then-branch on one line; the for body runs twice: r[2] = 0 + 20
# RUN: one_liners [5, [0, 0, 0]]
# EXPECT: {"return": null, "args": [5, [1, 2, 20]]}
# RUN: one_liners [-5, [0, 0, 3]]
# EXPECT: {"return": null, "args": [-5, [-1, -2, 23]]}
