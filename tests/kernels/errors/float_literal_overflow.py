# Float literals beyond the float32 range become inf (position: the literal).

def f() -> float:
    x : float = 1e39
    y : float = 3.5e38
    z : float = 3.4e38
    return x + y + z

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 4:17 float-literal-overflow
# WARNING: 5:17 float-literal-overflow
