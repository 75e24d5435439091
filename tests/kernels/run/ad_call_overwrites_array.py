# Reverse mode restores a local static array that a call overwrote through an Out argument
# (element by element on a tape) before undoing the statements that read its earlier values.
# fill(x) = [x, 2x, x^2]. f(x): after fill(x): s = a0 a1 + a2 = 2x^2 + x^2 = 3x^2; after
# fill(2x): s += a2 a0 = (2x)^2 (2x) = 8x^3. f = 3x^2 + 8x^3, f' = 6x + 24x^2. In a loop, g
# repeats the second part k times: g = 3x^2 + k 8x^3, g' = 6x + 24 k x^2.

def fill(x : In[float], a : Out[Array[float, 3]]):
    a[0] = x
    a[1] = 2.0 * x
    a[2] = x * x

def f(x : In[float]) -> float:
    a : Array[float, 3]
    s : float = 0.0
    fill(x, a)
    s = a[0] * a[1] + a[2]
    fill(2.0 * x, a)
    s = s + a[2] * a[0]
    return s

def g(x : In[float], k : In[int]) -> float:
    a : Array[float, 3]
    s : float = 0.0
    fill(x, a)
    s = a[0] * a[1] + a[2]
    for i in range(k):
        fill(2.0 * x, a)
        s = s + a[2] * a[0]
        fill(x, a)
    return s

r_f = rev_diff(f)
r_g = rev_diff(g)

# x = 0.5: f = 0.75 + 1 = 1.75
# RUN: f [0.5]
# EXPECT: {"return": 1.75, "args": [0.5]}
# f' = 3 + 6 = 9
# RUN: r_f [0.5, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 9, 1]}
# k = 3: g' = 3 + 18 = 21
# RUN: r_g [0.5, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [0.5, 21, 3, 0, 1]}
