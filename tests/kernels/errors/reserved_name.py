# Reserved names: intrinsics, C keywords and main as function names; int, float, In, Out,
# Array, Diff everywhere (position: the name).

def sin(x : In[float]) -> float:
    return x

def static(x : In[float]) -> float:
    return x

def main() -> int:
    return 0

def f(Array : In[int]) -> int:
    Diff : int = 1
    return 1

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:5 reserved-name
# ERROR: 7:5 reserved-name
# ERROR: 10:5 reserved-name
# ERROR: 13:7 reserved-name
# ERROR: 14:5 reserved-name
