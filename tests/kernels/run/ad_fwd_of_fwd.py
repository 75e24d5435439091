# Second derivative by forward over forward via _d_dfloat [ext]: f(x) = x^3, so with x = ((2, 1), (1, 0))
# the result's dval.dval is f''(2) = 6x = 12, val.dval and dval.val are f'(2) = 12.

def f(x : In[float]) -> float:
    return x * x * x

d_f = fwd_diff(f)
dd_f = fwd_diff(d_f)

# f(2) = 8, f'(2) = 12, f''(2) = 12
# RUN: dd_f [{"val": {"val": 2, "dval": 1}, "dval": {"val": 1, "dval": 0}}]
# EXPECT: {"return": {"val": {"val": 8, "dval": 12}, "dval": {"val": 12, "dval": 12}}, "args": [{"val": {"val": 2, "dval": 1}, "dval": {"val": 1, "dval": 0}}]}
