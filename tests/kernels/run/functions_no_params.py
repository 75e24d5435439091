# Functions without parameters are run without --args; the args list is empty.

def answer() -> int:
    return 6 * 7

# RUN: answer
# EXPECT: {"return": 42, "args": []}

def third() -> float:
    return 1.0 / 3.0

# 1/3 in float32 = 0.333333343
# RUN: third
# EXPECT: {"return": 0.333333333, "args": []}

def uses_others() -> float:
    return third() * 3.0 + answer()

# float32: 0.33333334f * 3 rounds to 1.0 exactly -> 43
# RUN: uses_others
# EXPECT: {"return": 43.0, "args": []}
