# f(x) = sin(x) * cos(x) = sin(2x)/2, so f'(x) = cos(2x).

def f(x : In[float]) -> float:
    return sin(x) * cos(x)

df = fwd_diff(f)
rf = rev_diff(f)

# x = 0.7: sin(1.4)/2 = 0.492724, cos(1.4) = 0.169967
# RUN: df [{"val": 0.7, "dval": 1}]
# EXPECT: {"return": {"val": 0.492724865, "dval": 0.169967143}, "args": [{"val": 0.7, "dval": 1}]}
# _dx = cos(1.4)
# RUN: rf [0.7, 0, 1]
# EXPECT: {"return": null, "args": [0.7, 0.169967143, 1]}
# x = 0: _dx = 1 + 3 * cos(0) = 4
# RUN: rf [0, 1, 3]
# EXPECT: {"return": null, "args": [0, 4, 3]}
