# range takes 1 to 3 int arguments (position: the float argument; the range call for a wrong
# count).

def f(n : In[int], x : In[float]) -> int:
    c : int
    for i in range(x):
        c = c + 1
    for j in range(0, 2.5):
        c = c + 1
    return c

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:20 range-args
# ERROR: 8:23 range-args
