# A function that calls its own forward derivative: differentiating it would need derivatives of
# every order (the checker used to loop forever generating them; found by the fuzzer).
def g(x : In[float]) -> float:
    d : Diff[float]
    d.val = x
    d.dval = 1.0
    return x * dg(d).dval

dg = fwd_diff(g)

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 9:1 diff-unbounded-order
