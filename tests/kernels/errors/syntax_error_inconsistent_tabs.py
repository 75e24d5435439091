# A tab reaches column 8, but counted as one column the body would be shallower than its
# header: inconsistent use of tabs and spaces (position: the first character of the line).

def f(x : In[float]) -> float:
    if x > 0.0:
	x = 1.0
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:2 syntax-error
