# if / while conditions must be int or float (position: the condition).

class Foo:
    x : float

def f(foo : In[Foo]) -> float:
    r : float
    if foo:
        r = 1.0
    while (foo, max_iter := 3):
        r = r + 1.0
    return r

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:8 condition-type
# ERROR: 10:12 condition-type
