# f(x) = sqrt(x) + exp(x) * log(x); f'(x) = 1/(2 sqrt x) + e^x ln x + e^x / x.

def f(x : In[float]) -> float:
    return sqrt(x) + exp(x) * log(x)

df = fwd_diff(f)
rf = rev_diff(f)

# sqrt 2 + e^2 ln 2 = 1.414214 + 5.121703 = 6.535917
# RUN: f [2]
# EXPECT: {"return": 6.53591696, "args": [2]}
# f'(2) = 0.353553 + 5.121703 + 3.694528 = 9.169785
# RUN: df [{"val": 2, "dval": 1}]
# EXPECT: {"return": {"val": 6.53591696, "dval": 9.16978484}, "args": [{"val": 2, "dval": 1}]}
# _dx = 0.5 f'(2)
# RUN: rf [2, 0, 0.5]
# EXPECT: {"return": null, "args": [2, 4.58489242, 0.5]}
# x = 1: f = 1 + e * 0 = 1; f'(1) = 1/2 + 0 + e, tangent 2 f'(1)
# RUN: df [{"val": 1, "dval": 2}]
# EXPECT: {"return": {"val": 1, "dval": 6.43656366}, "args": [{"val": 1, "dval": 2}]}
