# The body must not assign the loop variable or pass it as an Out argument (position: the
# assignment / the argument).

def put(v : Out[int]):
    v = 0

def f(n : In[int]) -> int:
    c : int
    for i in range(n):
        i = i + 1
        put(i)
        c = c + i
    return c

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 10:9 loop-var-assign
# ERROR: 11:13 loop-var-assign
