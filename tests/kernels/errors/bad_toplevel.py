# Only structs, functions, derivative declarations, imports and the module docstring may appear
# at the top level (position: the statement).

n : int = 3

def f() -> int:
    return 1

f()

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:1 bad-toplevel
# ERROR: 9:1 bad-toplevel
