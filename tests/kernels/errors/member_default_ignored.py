# A default value on a struct member is ignored (position: the default value).

class S:
    x : int = 3
    y : float

# Expected diagnostics of `lomaw check` (LINE:COL code):
# WARNING: 4:15 member-default-ignored
