# return must be the last statement at the outermost level; a return nested in if/while/for is
# always reported (position: the nested return).

def f(x : In[float]) -> float:
    if x > 0.0:
        return 0.0
    return 1.0

def g(n : In[int]) -> int:
    i : int
    while (i < n, max_iter := 10):
        i = i + 1
        return i
    return 0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:9 return-not-last
# ERROR: 13:9 return-not-last
