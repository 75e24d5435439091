# A function with a return type must end with a return (position: the function name).

def f() -> float:
    x : float = 1.0

def g(n : In[int]) -> int:
    m : int = n
    if m > 0:
        m = 1

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 3:5 missing-return
# ERROR: 6:5 missing-return
