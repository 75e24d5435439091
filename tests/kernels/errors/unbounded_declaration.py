# Locals must have bounded types: no Array[T] anywhere inside (position: the declaration).

class Buf:
    data : Array[float]

def f(x : In[Array[float]]) -> float:
    y : Array[float]
    b : Buf
    z : Array[Array[float], 2]
    return x[0]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 7:5 unbounded-declaration
# ERROR: 8:5 unbounded-declaration
# ERROR: 9:5 unbounded-declaration
