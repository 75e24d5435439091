# Use of a name before or without its declaration (position: the name; reported once per
# statement).

def foo(v : In[float]):
    v = v + 1.0

def f(x : In[float]) -> float:
    y : float = 1.0
    b = 6.0
    y = x + c + c
    foo(q)
    return y

def g(x : In[float]) -> float:
    z : float = w
    w : float = 1.0
    return x + w

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 9:5 undeclared-variable
# ERROR: 10:13 undeclared-variable
# ERROR: 11:9 undeclared-variable
# ERROR: 15:17 undeclared-variable
