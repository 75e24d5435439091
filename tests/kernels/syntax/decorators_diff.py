@simd
def scale(x : In[Array[float]], k : In[float], y : Out[Array[float]]):
    i : int = thread_id()
    y[i] = k * x[i]

@openMpi
@simd
def both(x : In[Array[float]]):
    atomic_add(x[0], 1.0)

def poly(x : In[float],
         y : In[float],
        ) -> float:
    return x * x * y + \
        3.0 * x

def slope(x : In[float]) -> float:
    dx : Diff[float]
    dx.val = x
    dx.dval = 1.0
    return d_poly(dx, make__dfloat(1.0, 0.0)).dval

d_poly = fwd_diff(poly)
r_poly = rev_diff(poly)
d_d_poly = fwd_diff(d_poly)

def uses_generated(a : In[_dfloat], b : Out[Diff[Array[float]]]) -> _dfloat:
    c : Diff[Diff[float]]
    b[0] = a
    return a

def void_call(x : In[float]):
    scale_helper(x, pow(x, 2.0), sin(cos(sqrt(exp(log(x))))))

def scale_helper(a : In[float], b : In[float], c : In[float]):
    d : float = int2float(float2int(a)) + b + c
