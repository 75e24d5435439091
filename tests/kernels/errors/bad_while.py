# max_iter must be a positive integer literal (position: the max_iter value).

def f(n : In[int]) -> int:
    i : int
    m : int = 10
    while (i < n, max_iter := m):
        i = i + 1
    while (i < n, max_iter := 0):
        i = i + 1
    while (i < n, max_iter := 2.5):
        i = i + 1
    return i

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:31 bad-while
# ERROR: 8:31 bad-while
# ERROR: 10:31 bad-while
