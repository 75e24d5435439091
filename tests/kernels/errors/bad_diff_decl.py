# A derivative declaration must be NAME = fwd_diff(f) or NAME = rev_diff(f) (position: the
# malformed right-hand side).

def f(x : In[float]) -> float:
    return x

def grad(x : In[float]) -> float:
    return x

d = grad(f)
e = fwd_diff(f, f)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 10:5 bad-diff-decl
# ERROR: 11:5 bad-diff-decl
