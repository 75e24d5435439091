# An Out argument must have exactly the parameter type: no int/float conversion (position: the
# argument).

class A:
    x : float

class B:
    x : float

def put_int(y : Out[int]):
    y = 1

def put_a(y : Out[A]):
    y.x = 1.0

def f() -> float:
    a : float
    b : B
    put_int(a)
    put_a(b)
    return a

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 19:13 out-arg
# ERROR: 20:11 out-arg
