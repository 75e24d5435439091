# Functions and structs share one namespace; a name is defined twice (position: the second
# definition's name).

def f(x : In[float]) -> float:
    return x

def f(x : In[float]) -> float:
    return x * 2.0

class g:
    a : float

def g(x : In[float]) -> float:
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 7:5 duplicate-definition
# ERROR: 13:5 duplicate-definition
