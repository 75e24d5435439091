# Structs named like C header types (FILE, size_t, int32_t): legal loma names, renamed in C
# (_lw_u_FILE) so that the typedefs do not clash with the headers'; values pass through the
# call harness with the right layout.

class FILE:
    fd : int
    pos : float

class size_t:
    n : int

class int32_t:
    f : FILE
    s : size_t

def position(f : In[FILE], s : In[size_t]) -> float:
    return f.pos + f.fd * s.n

def open_file(fd : In[int], f : Out[FILE]):
    f.fd = fd
    f.pos = 0.5

def nested(x : In[int32_t]) -> float:
    return position(x.f, x.s) * 2.0

# 0.25 + 3 * 4 = 12.25
# RUN: position [{"fd": 3, "pos": 0.25}, {"n": 4}]
# EXPECT: {"return": 12.25, "args": [{"fd": 3, "pos": 0.25}, {"n": 4}]}
# RUN: open_file [9, {"fd": 0, "pos": 0.0}]
# EXPECT: {"return": null, "args": [9, {"fd": 9, "pos": 0.5}]}
# (0.5 + 2 * 5) * 2 = 21
# RUN: nested [{"f": {"fd": 2, "pos": 0.5}, "s": {"n": 5}}]
# EXPECT: {"return": 21, "args": [{"f": {"fd": 2, "pos": 0.5}, "s": {"n": 5}}]}
