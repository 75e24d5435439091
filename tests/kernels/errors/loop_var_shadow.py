# A loop variable must not reuse a parameter, a local, or an enclosing loop's variable
# (position: the loop variable).

def f(x : In[int]) -> int:
    c : int
    d : int
    for x in range(3):
        c = c + 1
    for d in range(3):
        c = c + 2
    for i in range(3):
        for i in range(2):
            c = c + 3
    return c

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 7:9 loop-var-shadow
# ERROR: 9:9 loop-var-shadow
# ERROR: 12:13 loop-var-shadow
