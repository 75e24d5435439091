# Target and value types differ beyond the int/float conversion (position: the statement).

class Foo:
    x : float

class Bar:
    x : float

def f(x : In[float], foo : In[Foo]) -> float:
    y : float
    b : Bar
    y = foo
    b = foo
    foo = 1.0
    return y

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 12:5 assign-type
# ERROR: 13:5 assign-type
# ERROR: 14:5 assign-type
