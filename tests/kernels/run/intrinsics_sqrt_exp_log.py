# sqrt, exp, log (natural logarithm); int arguments are converted.

def sel(x : In[float], r : Out[Array[float]]):
    r[0] = sqrt(x)
    r[1] = exp(1.0)
    r[2] = log(10)
    r[3] = exp(0 - x - 0.5)
    r[4] = log(0.5)
    r[5] = sqrt(16)
    r[6] = log(exp(x))

# x = 2: sqrt 2 = 1.414213562, e = 2.718281828, ln 10 = 2.302585093, exp(-2.5) = 0.082084999,
# ln 0.5 = -0.693147181, sqrt 16 = 4, ln(e^2) = 2   (python3 math)
# RUN: sel [2.0, [0, 0, 0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [2, [1.414213562, 2.718281828, 2.302585093, 0.082084999, -0.693147181, 4.0, 2.0]]}

def special(r : Out[Array[float]]):
    z : float
    r[0] = log(z)
    r[1] = sqrt(z - 1.0)
    r[2] = exp(z)

# log(0) = -inf, sqrt(-1) = NaN, exp(0) = 1
# RUN: special [[5, 5, 5]]
# EXPECT: {"return": null, "args": [["-inf", "nan", 1.0]]}
