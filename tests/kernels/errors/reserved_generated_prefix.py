# Names starting with __lomaw_ belong to generated derivative code (tape intrinsics) and are
# reserved everywhere: function, struct, parameter, variable, member (position: the name).

def __lomaw_tape_reserve(x : In[float]) -> float:
    return x

class __lomaw_tape:
    v : float

class Pair:
    __lomaw_max_iter_exceeded : float

def f(__lomaw_x : In[float]) -> float:
    __lomaw_tape_free : float = 1.0
    return 1.0

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 4:5 reserved-name
# ERROR: 7:7 reserved-name
# ERROR: 11:5 reserved-name
# ERROR: 13:7 reserved-name
# ERROR: 14:5 reserved-name
