# Not valid Python: a line indented deeper without a block header (position: the first
# character of the line).

def f(x : In[float]) -> float:
    y : float = x
        y = 2.0
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:9 syntax-error
