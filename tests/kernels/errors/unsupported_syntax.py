# Unsupported parameter forms (position: the default value), a bare return and a nested def
# (position: the keyword).

def f(x : In[int] = 3) -> int:
    return x

def h(x : In[float]):
    y : float = x
    return

def k(x : In[float]) -> float:
    def inner(y : In[float]) -> float:
        return y
    return x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:21 unsupported-syntax
# ERROR: 9:5 unsupported-syntax
# ERROR: 12:5 unsupported-syntax
