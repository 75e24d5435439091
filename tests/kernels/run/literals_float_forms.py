# Python float literal forms: 1.0, 1., .5, 2e3, 1.5e-3, 1_0.5, 1E2; each is rounded to the
# nearest double, then to float32.

def forms(r : Out[Array[float]]):
    r[0] = 1.
    r[1] = .5
    r[2] = 2e3
    r[3] = 1.5e-3
    r[4] = 1_0.5
    r[5] = 1E2
    r[6] = 0.1
    r[7] = 3.4028234663852886e38
    r[8] = 1e-45

# 1, 0.5, 2000, 0.0015, 10.5, 100, 0.1 (float32 0.100000001), FLT_MAX, and 1e-45 which
# rounds to the smallest subnormal 1.4e-45 (compared with the absolute tolerance)
# RUN: forms [[0, 0, 0, 0, 0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [[1.0, 0.5, 2000.0, 0.0015, 10.5, 100.0, 0.1, 3.40282347e38, 1.4e-45]]}

def exp_int_mix() -> float:
    return 2e3 / 8 + .25

# 2000 / 8 = 250 (float / int) + 0.25
# RUN: exp_int_mix
# EXPECT: {"return": 250.25, "args": []}
