# A while header must be the tuple (cond, max_iter := N) (position: the while statement).

def f(n : In[int]) -> int:
    i : int
    while i < n:
        i = i + 1
    return i

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:5 bad-while
