# Declarations are allowed only at the outermost level of a function body, never inside
# if / while / for (position: the declaration).

def f(x : In[float]) -> float:
    i : int
    if x > 0.0:
        y : float = 1.0
    while (i < 3, max_iter := 5):
        z : int
        i = i + 1
    for k in range(2):
        w : Array[float, 10]
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 7:9 declaration-not-outermost
# ERROR: 9:9 declaration-not-outermost
# ERROR: 12:9 declaration-not-outermost
