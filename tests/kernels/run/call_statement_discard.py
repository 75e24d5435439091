# A call used as a statement discards its result; a function with an Out parameter may also
# return a value, which is discarded because it can only be called as a statement.

def side(x : Out[float], v : In[float]) -> float:
    x = v * 3.0
    return 1000.0

def pure(v : In[float]) -> float:
    return v * 2.0

def caller(v : In[float]) -> float:
    r : float
    pure(v)
    side(r, v)
    return r

# pure(v) has no effect; side writes r = 3 * 1.5 = 4.5 and its result 1000 is discarded
# RUN: caller [1.5]
# EXPECT: {"return": 4.5, "args": [1.5]}

# calling side directly prints its return value and the Out parameter
# RUN: side [0.0, 2.0]
# EXPECT: {"return": 1000.0, "args": [6, 2]}
