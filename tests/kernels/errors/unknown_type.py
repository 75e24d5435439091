# An annotation names a struct that is not declared (position: the name).

class S:
    m : Thing

def f(p : In[Vec4]) -> float:
    v : Vec4
    return 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:9 unknown-type
# ERROR: 6:14 unknown-type
# ERROR: 7:9 unknown-type
