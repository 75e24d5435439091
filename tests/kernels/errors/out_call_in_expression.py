# A function with an Out parameter may only be the outermost call of a call statement
# (position: the call).

def foo(y : Out[int]) -> int:
    y = 1
    return 2

def bar(v : In[int]):
    v = v + 1

def g() -> int:
    a : int
    z : int = foo(a)
    a = 3 + foo(a)
    bar(foo(a))
    foo(a)
    return z

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 13:15 out-call-in-expression
# ERROR: 14:13 out-call-in-expression
# ERROR: 15:9 out-call-in-expression
