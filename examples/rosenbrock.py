"""Two functions of two variables to watch gradient descent on (`lomaw descend`, the app's
Descent mode): a quadratic bowl, where every step can be computed by hand, and Rosenbrock's
banana valley, where plain descent crawls and momentum or Adam do better.

bowl(x, y) = (x - 1)^2 + 2(y + 2)^2 has its minimum 0 at (1, -2) and the gradient
(2(x - 1), 4(y + 2)). A plain step with rate r multiplies x - 1 by (1 - 2r) and y + 2 by
(1 - 4r): with r = 0.1 by 0.8 and 0.6 per step; with r > 0.5 the y error grows and the descent
diverges.

rosenbrock(x, y) = (1 - x)^2 + 100(y - x^2)^2 has its minimum 0 at (1, 1), at the end of a long
curved valley.
"""

def bowl(x : In[float], y : In[float]) -> float:
    return (x - 1.0) * (x - 1.0) + 2.0 * (y + 2.0) * (y + 2.0)

def rosenbrock(x : In[float], y : In[float]) -> float:
    a : float = 1.0 - x
    b : float = y - x * x
    return a * a + 100.0 * b * b

# A hand-written gradient for `lomaw descend --grad bowl_grad`: bowl's parameters, then one Out
# parameter per In parameter receiving its partial derivative.
def bowl_grad(x : In[float], y : In[float], gx : Out[float], gy : Out[float]):
    gx = 2.0 * (x - 1.0)
    gy = 4.0 * (y + 2.0)

# Descent settings the app's Descent mode offers (each line is `lomaw descend FILE` + the line):
# DESCEND: bowl --init [3.0, 1.0] --lr 0.1 --steps 40
# DESCEND: bowl --init [3.0, 1.0] --lr 0.55 --steps 40
# DESCEND: rosenbrock --init [-1.2, 1.0] --optimizer adam --lr 0.05 --steps 2000
# DESCEND: rosenbrock --init [-1.2, 1.0] --optimizer momentum --lr 0.0005 --momentum 0.9 --steps 2000

# bowl(3, 1) = 4 + 18 = 22; rosenbrock(-1.2, 1) = 4.84 + 100 * 0.44^2 = 24.2
# RUN: bowl [3.0, 1.0]
# EXPECT: {"return": 22, "args": [3, 1]}
# RUN: rosenbrock [-1.2, 1.0]
# EXPECT: {"return": 24.2000027, "args": [-1.20000005, 1]}
# RUN: bowl_grad [3.0, 1.0, 0.0, 0.0]
# EXPECT: {"return": null, "args": [3, 1, 4, 12]}
