# The step must be a nonzero int literal, optionally negated (position: the step).

def f(n : In[int]) -> int:
    c : int
    s : int = 2
    for i in range(0, n, s):
        c = c + 1
    for j in range(0, n, 0):
        c = c + 1
    for k in range(n, 0, -s):
        c = c + 1
    return c

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:26 range-step
# ERROR: 8:26 range-step
# ERROR: 10:26 range-step
