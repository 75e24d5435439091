# Third derivative by nested forward mode [ext]: f(x) = sin(x) * x^2, seeded with
# x = (((0.7, 1), (1, 0)), ((1, 0), (0, 0))): the part with k dvals holds the k-th derivative.
# Analytic (by hand): f' = 2x sin x + x^2 cos x, f'' = 2 sin x + 4x cos x - x^2 sin x,
# f''' = 6 cos x - 6x sin x - x^2 cos x = 1.5085662 at 0.7 (f = 0.3156667, f' = 1.2766774, f'' = 3.1143268).
# The nested derivatives share every repeated value (docs/ad.md, forward mode, higher orders).

def f(x : In[float]) -> float:
    return sin(x) * x * x

d_f = fwd_diff(f)
dd_f = fwd_diff(d_f)
ddd_f = fwd_diff(dd_f)

# RUN: ddd_f [{"val": {"val": {"val": 0.7, "dval": 1}, "dval": {"val": 1, "dval": 0}}, "dval": {"val": {"val": 1, "dval": 0}, "dval": {"val": 0, "dval": 0}}}]
# EXPECT: {"return": {"val": {"val": {"val": 0.3156667, "dval": 1.276677}, "dval": {"val": 1.276677, "dval": 3.114327}}, "dval": {"val": {"val": 1.276677, "dval": 3.114327}, "dval": {"val": 3.114327, "dval": 1.508566}}}, "args": [{"val": {"val": {"val": 0.7, "dval": 1}, "dval": {"val": 1, "dval": 0}}, "dval": {"val": {"val": 1, "dval": 0}, "dval": {"val": 0, "dval": 0}}}]}
