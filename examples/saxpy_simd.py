"""A data-parallel kernel: y = a*x + y over as many threads as elements, and a sum."""

@simd
def saxpy(a : In[float], x : In[Array[float]], y : Out[Array[float]]):
    i : int = thread_id()
    y[i] = a * x[i] + y[i]

@simd
def total(x : In[Array[float]], s : Out[float]):
    atomic_add(s, x[thread_id()])
