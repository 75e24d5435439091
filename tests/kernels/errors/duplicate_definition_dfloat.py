# A user struct named like a generated differential struct must be identical to it
# (position: the struct name).

class _dfloat:
    val : float
    grad : float

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:7 duplicate-definition
