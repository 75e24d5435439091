# The initialiser does not fit the declared type (position: the declaration).

class Foo:
    x : float

def f(x : In[float], g : In[Foo]) -> float:
    a : Foo = 1.0
    b : float = g
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 7:5 declare-type
# ERROR: 8:5 declare-type
