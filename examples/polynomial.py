"""A third-order polynomial and a gradient-descent search for its local minimum.

p(x) = x^3 - 6x^2 + 9x + 1 has p'(x) = 3x^2 - 12x + 9 = 3(x - 1)(x - 3): a local maximum at
x = 1 and a local minimum at x = 3, where p(3) = 1.
"""

def poly(x : In[float]) -> float:
    return x * x * x - 6.0 * x * x + 9.0 * x + 1.0

def dpoly(x : In[float]) -> float:
    return 3.0 * x * x - 12.0 * x + 9.0

# Gradient descent from x0 with a fixed step; stops when the step is tiny or after max_iter.
def descend(x0 : In[float], rate : In[float], steps : Out[int]) -> float:
    x : float = x0
    g : float = dpoly(x)
    n : int = 0
    while ((g * g > 1e-10) and (n < 1000), max_iter := 1000):
        x = x - rate * g
        g = dpoly(x)
        n = n + 1
    steps = n
    return x

# p(2) = 8 - 24 + 18 + 1 = 3;  p'(2) = 12 - 24 + 9 = -3
# RUN: poly [2.0]
# EXPECT: {"return": 3, "args": [2]}
# RUN: dpoly [2.0]
# EXPECT: {"return": -3, "args": [2]}
