class Pt:
    x : float
    n : int
    ws : Array[float]

@openMpi
def f(a : In[float], k : In[int], xs : In[Array[float]], p : In[Pt], o : Out[float], ys : Out[Array[Array[float]]], m : In[int]) -> float:
    o = a * 2.0
    ys[0][0] = ys[0][0] + a
    return a + int2float(k) + xs[0] + p.x + p.ws[1] + int2float(m / k)
