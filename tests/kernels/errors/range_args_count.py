# range takes 1 to 3 arguments (position: range).

def f(n : In[int]) -> int:
    c : int
    for k in range():
        c = c + 1
    for m in range(0, 1, 1, 1):
        c = c + 1
    return c

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:14 range-args
# ERROR: 7:14 range-args
