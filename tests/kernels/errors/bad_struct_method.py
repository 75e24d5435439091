# A struct body holds member lines only: no methods (position: the def).

class P:
    x : float
    def norm(self) -> float:
        return 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:5 bad-struct
