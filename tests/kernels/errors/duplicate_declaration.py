# A name is declared twice among the parameters and locals of one function (position: the
# second declaration; a note points at the first).

def f(a : In[float]) -> float:
    x : float = 5.0
    x : float = 6.0
    return x + a

def g(b : In[int], b : In[float]) -> int:
    return 1

def h(c : In[float]) -> float:
    c : float = 2.0
    return 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 6:5 duplicate-declaration
# ERROR: 9:20 duplicate-declaration
# ERROR: 13:5 duplicate-declaration
