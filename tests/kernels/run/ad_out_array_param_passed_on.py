# Reverse mode of a function that passes its Out array parameter to a callee beside a local
# Out argument: the forward sweep needs the local (t), but the array does not exist in the
# derivative, so it calls a generated copy of the callee without that parameter
# (_d_sweep_h), which is possible because the callee never reads the array.
# f(x): h writes y = [2x, x^2] and t = x^3; f returns t x = x^4.
#   _dx += 4x^3 r + 2 y0' + 2x y1'; the adjoint inputs y' are consumed (zeroed).
# g(x): h2 passes y on to h whole and makes t = x^4; h3 writes y[0] = 3x through a call with
# the element and u = x^2; g returns t u = x^6, y = [3x, x^2] (the first y[0] is overwritten).
#   _dx += 6x^5 r + 3 y0' + 2x y1'.

def h(x : In[float], a : Out[Array[float]], t : Out[float]):
    a[0] = 2.0 * x
    a[1] = x * x
    t = x * x * x

def h2(x : In[float], a : Out[Array[float]], t : Out[float]):
    s : float
    h(x, a, s)
    t = s * x

def setv(x : In[float], v : Out[float]):
    v = 3.0 * x

def h3(x : In[float], a : Out[Array[float]], t : Out[float]):
    setv(x, a[0])
    t = x * x

def f(x : In[float], y : Out[Array[float]]) -> float:
    t : float
    h(x, y, t)
    return t * x

def g(x : In[float], y : Out[Array[float]]) -> float:
    t : float
    h2(x, y, t)
    u : float
    h3(x, y, u)
    return t * u

r_f = rev_diff(f)
r_g = rev_diff(g)

# x = 2: f = 16, y = [4, 4]
# RUN: f [2, [0, 0]]
# EXPECT: {"return": 16, "args": [2, [4, 4]]}
# _dx = 32 + 2 * 1 + 4 * 3 = 46
# RUN: r_f [2, 0, [1, 3], 1]
# EXPECT: {"return": null, "args": [2, 46, [0, 0], 1]}
# x = 2: g = 64, y = [6, 4]
# RUN: g [2, [0, 0]]
# EXPECT: {"return": 64, "args": [2, [6, 4]]}
# _dx = 6 * 32 + 3 * 1 + 4 * 3 = 207
# RUN: r_g [2, 0, [1, 3], 1]
# EXPECT: {"return": null, "args": [2, 207, [0, 0], 1]}
# x = 1, only r: 6
# RUN: r_g [1, 0, [0, 0], 1]
# EXPECT: {"return": null, "args": [1, 6, [0, 0], 1]}
