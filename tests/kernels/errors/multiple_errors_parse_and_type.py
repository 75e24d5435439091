# A file with an error the parser finds (an unsupported operator) and errors the type checker
# finds in other functions: all independent errors are reported in one run (docs/language.md §8).

def f(a : In[int]) -> int:
    return a % 2

def g(x : In[float]) -> float:
    return y * x

k : float = 1.0

def i() -> int:
    m : int = 4294967296
    return m

def h(x : In[float]) -> float:
    z : int = x[0]
    return z

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:14 unsupported-operator
# ERROR: 8:12 undeclared-variable
# ERROR: 10:1 bad-toplevel
# ERROR: 13:15 int-literal-range
# ERROR: 17:15 index-non-array
