@openMpi
def mix(x : In[float], k : In[int], xs : In[Array[float]], n : In[int], out : Out[Array[float]]) -> float:
    s : float = x
    for i in range(n):
        out[i] = xs[i] * x + int2float(k)
        s = s + out[i] * out[i]
    return s / (1.0 + int2float(k * k))
