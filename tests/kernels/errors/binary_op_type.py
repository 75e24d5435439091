# Operands of arithmetic, comparisons and and/or must be int or float (position: the operator).

class Foo:
    x : float

def f(a : In[Foo], v : In[Array[float]]) -> float:
    p : float = a + 1.0
    q : float = 2.0 * v
    r : float = a.x < a
    s : float = a and 1
    return a.x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 7:19 binary-op-type
# ERROR: 8:21 binary-op-type
# ERROR: 9:21 binary-op-type
# ERROR: 10:19 binary-op-type
