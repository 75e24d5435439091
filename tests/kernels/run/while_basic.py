# while (cond, max_iter := N): the condition is tested before every iteration.

def collatz_steps(n : In[int]) -> int:
    k : int = n
    steps : int
    while (k > 1, max_iter := 1000):
        if k - k / 2 * 2 == 0:
            k = k / 2
        else:
            k = 3 * k + 1
        steps = steps + 1
    return steps

# 6 -> 3 -> 10 -> 5 -> 16 -> 8 -> 4 -> 2 -> 1: 8 steps; 1 takes none (body never runs)
# RUN: collatz_steps [6]
# EXPECT: {"return": 8, "args": [6]}
# RUN: collatz_steps [1]
# EXPECT: {"return": 0, "args": [1]}

def float_condition(x : In[float]) -> int:
    n : int
    y : float = x
    while (y, max_iter := 10):
        y = y - 0.5
        n = n + 1
    return n

# a float condition, true while non-zero: 2.0 -> 1.5 -> 1.0 -> 0.5 -> 0.0: 4 iterations
# RUN: float_condition [2.0]
# EXPECT: {"return": 4, "args": [2]}
