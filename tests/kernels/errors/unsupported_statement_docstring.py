# A docstring inside a function is an expression statement that is not a call.

def f(x : In[float]) -> float:
    """Doubles x."""
    return 2.0 * x

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:5 unsupported-statement
