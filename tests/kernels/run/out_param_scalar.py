# Out scalar parameters alias the caller's location; functions with Out parameters are called
# only as call statements.

def divmod_(a : In[int], b : In[int], q : Out[int], r : Out[int]):
    q = a / b
    r = a - q * b

# 17 = 3 * 5 + 2; truncation: -17 = -3 * 5 + (-2)
# RUN: divmod_ [17, 5, 0, 0]
# EXPECT: {"return": null, "args": [17, 5, 3, 2]}
# RUN: divmod_ [-17, 5, 0, 0]
# EXPECT: {"return": null, "args": [-17, 5, -3, -2]}

def half(x : In[float], h : Out[float]):
    h = x * 0.5

def quarter_sum(x : In[float]) -> float:
    a : float
    b : float
    half(x, a)
    half(a, b)
    return a + b

# the callee's writes are visible in the caller's locals: a = 4, b = 2 -> 6
# RUN: quarter_sum [8.0]
# EXPECT: {"return": 6.0, "args": [8]}

def through_member(x : In[float], v : Out[Array[float]]):
    half(x, v[1])

# an Out argument can be an array element lvalue
# RUN: through_member [5.0, [7, 7, 7]]
# EXPECT: {"return": null, "args": [5, [7, 2.5, 7]]}
