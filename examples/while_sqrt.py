"""A while loop differentiated in both modes: square roots by Newton's iteration
x <- (x + a/x) / 2. At the fixed point x = sqrt(a) the derivative of the iteration is
1 / (2 sqrt(a)), the derivative of sqrt; reverse mode replays the loop backwards from a tape
sized by max_iter.
"""

def newton_sqrt(a : In[float]) -> float:
    x : float = a
    i : int = 0
    while (i < 20, max_iter := 20):
        x = 0.5 * (x + a / x)
        i = i + 1
    return x

d_sqrt = fwd_diff(newton_sqrt)
r_sqrt = rev_diff(newton_sqrt)

# sqrt(2) = 1.41421356, 1 / (2 sqrt(2)) = 0.353553391
# RUN: newton_sqrt [2.0]
# EXPECT: {"return": 1.41421356, "args": [2]}
# RUN: d_sqrt [{"val": 2.0, "dval": 1.0}]
# EXPECT: {"return": {"val": 1.41421356, "dval": 0.353553391}, "args": [{"val": 2, "dval": 1}]}
# RUN: r_sqrt [2.0, 0.0, 1.0]
# EXPECT: {"return": null, "args": [2, 0.353553391, 1]}
