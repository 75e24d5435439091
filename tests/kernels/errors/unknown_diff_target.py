# The argument of fwd_diff / rev_diff must name a function of the module (position: the name).

def f(x : In[float]) -> float:
    return x

d = fwd_diff(nope)
r = rev_diff(g)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:14 unknown-diff-target
# ERROR: 7:14 unknown-diff-target
