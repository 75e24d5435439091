# Arrays of structs: unbounded parameters and static locals.

class Body:
    m : float
    x : Array[float, 2]

def center(bs : In[Array[Body]], n : In[int], c : Out[Array[float]]):
    mt : float
    c[0] = 0.0
    c[1] = 0.0
    for i in range(n):
        mt = mt + bs[i].m
        c[0] = c[0] + bs[i].m * bs[i].x[0]
        c[1] = c[1] + bs[i].m * bs[i].x[1]
    c[0] = c[0] / mt
    c[1] = c[1] / mt

# masses 1 and 3 at (0, 0) and (4, 8): centre (12/4, 24/4) = (3, 6)
# RUN: center [[{"m": 1, "x": [0, 0]}, {"m": 3, "x": [4, 8]}], 2, [0, 0]]
# EXPECT: {"return": null, "args": [[{"m": 1, "x": [0, 0]}, {"m": 3, "x": [4, 8]}], 2, [3, 6]]}

def push(bs : Out[Array[Body]], n : In[int], dx : In[float]):
    for i in range(n):
        bs[i].x[0] = bs[i].x[0] + dx * i

# element i moved by 0.5 * i along x
# RUN: push [[{"m": 1, "x": [0, 0]}, {"m": 2, "x": [1, 1]}, {"m": 3, "x": [2, 2]}], 3, 0.5]
# EXPECT: {"return": null, "args": [[{"m": 1, "x": [0, 0]}, {"m": 2, "x": [1.5, 1]}, {"m": 3, "x": [3, 2]}], 3, 0.5]}

def local_structs() -> float:
    bs : Array[Body, 3]
    bs[1].m = 2.0
    bs[1].x[1] = 5.0
    bs[2] = bs[1]
    bs[2].m = 10.0
    return bs[0].m + bs[1].m + bs[2].m + bs[2].x[1]

# bs[0] zero; bs[1] = {2, [0, 5]}; bs[2] copy then m = 10: 0 + 2 + 10 + 5 = 17
# RUN: local_structs
# EXPECT: {"return": 17.0, "args": []}
