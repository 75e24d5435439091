# Wrong number or types of arguments (position: the call).

class Vec:
    x : float

def dot(a : In[Vec], b : In[Vec]) -> float:
    return a.x * b.x

def sum_n(x : In[Array[float]], n : In[int]) -> float:
    return x[0]

def sum3(x : In[Array[float, 3]]) -> float:
    return x[0]

def rows(m : In[Array[Array[float]]]) -> float:
    return m[0][0]

def g(x : In[float], v : In[Vec], ia : In[Array[int]]) -> float:
    loc : Array[float, 4]
    grid : Array[Array[float, 2], 3]
    a : float = pow(x)
    b : float = int2float(1.5)
    c : int = float2int(3)
    d : float = dot(v, 2.0)
    e : float = sum_n(ia, 3)
    f : float = sum3(loc)
    h : float = rows(grid)
    k : float = sin(x, x)
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 21:17 call-arguments
# ERROR: 22:17 call-arguments
# ERROR: 23:15 call-arguments
# ERROR: 24:17 call-arguments
# ERROR: 25:17 call-arguments
# ERROR: 26:17 call-arguments
# ERROR: 27:17 call-arguments
# ERROR: 28:17 call-arguments
