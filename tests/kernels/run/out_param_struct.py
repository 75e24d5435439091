# Out struct parameters: writes to members are visible to the caller.

class Stats:
    lo : float
    hi : float
    count : int

def minmax(x : In[Array[float]], n : In[int], s : Out[Stats]):
    s.lo = x[0]
    s.hi = x[0]
    s.count = n
    for i in range(1, n):
        if x[i] < s.lo:
            s.lo = x[i]
        if x[i] > s.hi:
            s.hi = x[i]

# min -4, max 9 of [3, -4, 9, 0]
# RUN: minmax [[3, -4, 9, 0], 4, {"lo": 0, "hi": 0, "count": 0}]
# EXPECT: {"return": null, "args": [[3, -4, 9, 0], 4, {"lo": -4, "hi": 9, "count": 4}]}

def spread(x : In[Array[float]], n : In[int]) -> float:
    st : Stats
    minmax(x, n, st)
    return (st.hi - st.lo) * st.count

# (9 - (-4)) * 4 = 52
# RUN: spread [[3, -4, 9, 0], 4]
# EXPECT: {"return": 52.0, "args": [[3, -4, 9, 0], 4]}

def set_whole(s : Out[Stats], v : In[Stats]):
    s = v
    s.count = s.count + 1

# whole-struct assignment to an Out parameter, then a member update
# RUN: set_whole [{"lo": 0, "hi": 0, "count": 0}, {"lo": 1.5, "hi": 2.5, "count": 9}]
# EXPECT: {"return": null, "args": [{"lo": 1.5, "hi": 2.5, "count": 10}, {"lo": 1.5, "hi": 2.5, "count": 9}]}
