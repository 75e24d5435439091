def divide(a : In[int], b : In[int]) -> int:
    return a / b

def poke(xs : In[Array[float]], i : In[int]) -> float:
    xs[i] = 1.0
    return xs[0]

def spin(n : In[int]) -> float:
    s : float = 0.0
    for i in range(n):
        for j in range(n):
            s = s + sin(int2float(i + j))
    return s
