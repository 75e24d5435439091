# Variables, parameters and members may be named like C keywords (the C backend renames them);
# identifiers may start with '_'; a variable may share a function's name because a call always
# resolves its callee among functions. Imports are ignored (warning import-ignored).

import math
from math import sin

class Rec:
    double : float
    char : int
    _x : float

def twice(x : In[float]) -> float:
    return x * 2.0

def user(auto : In[float], r : In[Rec]) -> float:
    twice : float = auto + 1.0
    register : int = r.char
    _tmp : float = r._x
    __y : float = twice(twice)
    static : float = __y + register + _tmp + r.double
    return static

# twice (variable) = 1.5 + 1 = 2.5; twice(twice) = 5; 5 + 3 + 0.25 + 10 = 18.25
# RUN: user [1.5, {"double": 10.0, "char": 3, "_x": 0.25}]
# EXPECT: {"return": 18.25, "args": [1.5, {"double": 10, "char": 3, "_x": 0.25}]}

def _private_helper(int_ : In[int], switch : Out[int]):
    switch = int_ * 3

# RUN: _private_helper [7, 0]
# EXPECT: {"return": null, "args": [7, 21]}
