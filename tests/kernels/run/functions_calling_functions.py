# Functions call any non-simd function of the module, in any definition order.

def hyp(a : In[float], b : In[float]) -> float:
    return sqrt(sq(a) + sq(b))

def sq(x : In[float]) -> float:
    return x * x

def dist(x0 : In[float], y0 : In[float], x1 : In[float], y1 : In[float]) -> float:
    return hyp(x1 - x0, y1 - y0)

# sq is defined after hyp; (1, 2) to (4, 6): sqrt(9 + 16) = 5
# RUN: dist [1.0, 2.0, 4.0, 6.0]
# EXPECT: {"return": 5.0, "args": [1, 2, 4, 6]}

def args_left_to_right(x : In[Array[float]]) -> float:
    return pair(tick(x), tick(x))

def tick(x : In[Array[float]]) -> float:
    x[0] = x[0] + 1.0
    return x[0]

def pair(a : In[float], b : In[float]) -> float:
    return a * 10.0 + b

# arguments are evaluated left to right: first tick gives 1, second 2 -> 12 (x[0] ends at 2)
# RUN: args_left_to_right [[0]]
# EXPECT: {"return": 12.0, "args": [[2]]}
