# if / elif / else chains; the condition is true when non-zero.

def classify(x : In[float]) -> int:
    c : int
    if x < 0.0:
        c = -1
    elif x == 0.0:
        c = 0
    elif x < 10.0:
        c = 1
    else:
        c = 2
    return c

# RUN: classify [-3.5]
# EXPECT: {"return": -1, "args": [-3.5]}
# RUN: classify [0.0]
# EXPECT: {"return": 0, "args": [0]}
# RUN: classify [9.5]
# EXPECT: {"return": 1, "args": [9.5]}
# RUN: classify [10.0]
# EXPECT: {"return": 2, "args": [10]}

def no_else(n : In[int]) -> int:
    r : int = 5
    if n:
        r = r * n
    return r

# an int condition: n = 0 is false (r stays 5); n = -2 is true -> -10
# RUN: no_else [0]
# EXPECT: {"return": 5, "args": [0]}
# RUN: no_else [-2]
# EXPECT: {"return": -10, "args": [-2]}

def float_cond(x : In[float]) -> int:
    r : int
    if x:
        r = 1
    else:
        r = 2
    return r

# a float condition: 0.25 is true, 0.0 false, NaN non-zero hence true
# RUN: float_cond [0.25]
# EXPECT: {"return": 1, "args": [0.25]}
# RUN: float_cond [0.0]
# EXPECT: {"return": 2, "args": [0]}
# RUN: float_cond ["nan"]
# EXPECT: {"return": 1, "args": ["nan"]}

def nested(a : In[int], b : In[int]) -> int:
    r : int
    if a > 0:
        if b > 0:
            r = 1
        else:
            r = 2
    else:
        if b > 0:
            r = 3
        else:
            r = 4
    return r

# RUN: nested [1, -1]
# EXPECT: {"return": 2, "args": [1, -1]}
# RUN: nested [-1, 1]
# EXPECT: {"return": 3, "args": [-1, 1]}
