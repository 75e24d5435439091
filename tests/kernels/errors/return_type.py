# The returned value does not fit the return type, or a void function returns a value
# (position: the return).

class Foo:
    x : float

def f(a : In[Foo]) -> float:
    return a

def g(x : In[float]):
    y : float = x
    return y

def h(x : In[float]) -> Foo:
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 8:5 return-type
# ERROR: 12:5 return-type
# ERROR: 15:5 return-type
