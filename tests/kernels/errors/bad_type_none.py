# -> None is not a type: a void function has no return annotation (position: None).

def g() -> None:
    y : int = 1

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 3:12 bad-type
