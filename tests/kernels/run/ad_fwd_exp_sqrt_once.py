# Forward mode calls exp and sqrt once per use: their values are in their own tangents
# (docs/ad.md). f(x) = log(1 + e^x) + sqrt(x^2 + 1); f'(x) = e^x / (1 + e^x) + x / sqrt(x^2 + 1).
# At x = 0.3 (by hand with a calculator): f = 1.8983859, f' = 0.5744425 + 0.2873479 = 0.8617904.

def f(x : In[float]) -> float:
    return log(1.0 + exp(x)) + sqrt(x * x + 1.0)

d_f = fwd_diff(f)

# RUN: d_f [{"val": 0.3, "dval": 1.0}]
# EXPECT: {"return": {"val": 1.8983859, "dval": 0.8617904}, "args": [{"val": 0.3, "dval": 1}]}
