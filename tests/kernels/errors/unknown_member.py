# The struct has no member of that name (position: the access).

class Foo:
    x : float
    y : float

def f(a : In[Foo]) -> float:
    b : float = a.w
    a.z = 1.0
    return b

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:17 unknown-member
# ERROR: 9:5 unknown-member
