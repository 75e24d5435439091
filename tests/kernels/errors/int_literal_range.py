# Int literals must be <= 2147483647; there are no negative literals (position: the literal).

def f() -> int:
    x : int = 3000000000
    y : int = -2147483648
    z : int = 0x80000000
    return 1

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:15 int-literal-range
# ERROR: 5:16 int-literal-range
# ERROR: 6:15 int-literal-range
