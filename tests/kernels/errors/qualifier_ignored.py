# In[...] / Out[...] outside a parameter annotation are ignored (position: the qualifier).

class S:
    a : Out[float]

def f(x : In[float]) -> In[float]:
    y : In[float] = x
    return y

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 4:9 qualifier-ignored
# WARNING: 6:25 qualifier-ignored
# WARNING: 7:9 qualifier-ignored
