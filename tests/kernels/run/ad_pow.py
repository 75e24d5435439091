# pow(x, y): d/dx = y x^(y-1), d/dy = x^y ln x (docs/language.md §4). With an int or literal
# exponent the ln x term is omitted, so pow(x, 2) has the finite derivative 2x at x < 0.

def f(x : In[float], y : In[float]) -> float:
    return pow(x, y)

def sq(x : In[float]) -> float:
    return pow(x, 2)

def cube(x : In[float], n : In[int]) -> float:
    return pow(x, n)

df = fwd_diff(f)
rf = rev_diff(f)
dsq = fwd_diff(sq)
rsq = rev_diff(sq)
dcube = fwd_diff(cube)

# d/dx 2^3 = 3 * 2^2 = 12
# RUN: df [{"val": 2, "dval": 1}, {"val": 3, "dval": 0}]
# EXPECT: {"return": {"val": 8, "dval": 12}, "args": [{"val": 2, "dval": 1}, {"val": 3, "dval": 0}]}
# d/dy = 2^3 ln 2 = 5.545177
# RUN: df [{"val": 2, "dval": 0}, {"val": 3, "dval": 1}]
# EXPECT: {"return": {"val": 8, "dval": 5.54517744}, "args": [{"val": 2, "dval": 0}, {"val": 3, "dval": 1}]}
# _dx = 12, _dy = 8 ln 2
# RUN: rf [2, 0, 3, 0, 1]
# EXPECT: {"return": null, "args": [2, 12, 3, 5.54517744, 1]}
# literal exponent: d/dx (-3)^2 = -6, no NaN from ln(-3)
# RUN: dsq [{"val": -3, "dval": 1}]
# EXPECT: {"return": {"val": 9, "dval": -6}, "args": [{"val": -3, "dval": 1}]}
# reverse: _dx = 2 * (-3) = -6
# RUN: rsq [-3, 0, 1]
# EXPECT: {"return": null, "args": [-3, -6, 1]}
# int exponent: d/dx (-2)^3 = 3 * 4 = 12
# RUN: dcube [{"val": -2, "dval": 1}, 3]
# EXPECT: {"return": {"val": -8, "dval": 12}, "args": [{"val": -2, "dval": 1}, 3]}
