# Out arguments and assignment targets must be lvalues (position: the argument / target).

class P:
    m : float

def put(y : Out[float]):
    y = 1.0

def mk() -> P:
    p : P
    return p

def f(x : In[float]):
    put(2.0)
    put(sin(x))
    mk().m = 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 14:9 not-lvalue
# ERROR: 15:9 not-lvalue
# ERROR: 16:5 not-lvalue
