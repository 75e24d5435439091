# Member names are unique within a struct (position: the second member).

class P:
    x : float
    x : int

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:5 bad-struct
