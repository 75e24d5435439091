# Functions named like what the C headers of generated code declare or define (printf, malloc,
# free, abs, fflush, stdin, NULL, INFINITY): legal loma names. The C backend gives them the
# reserved prefix (_lw_u_printf), so they neither clash with the headers nor capture the
# backend's own calls; each returns its own value here.

def printf(x : In[float]) -> float:
    return x + 1.0

def malloc(n : In[int]) -> int:
    return n * 2

def free(x : In[float]) -> float:
    return x * 0.5

def abs(x : In[float]) -> float:
    r : float = x
    if x < 0.0:
        r = 0.0 - x
    return r

def fflush(n : In[int]) -> int:
    return n - 1

def stdin(n : In[int]) -> int:
    return n + 100

def NULL() -> int:
    return 7

def INFINITY() -> float:
    return 2.5

def all_of_them(x : In[float], n : In[int]) -> float:
    return printf(x) + malloc(n) + free(x) + abs(0.0 - x) + fflush(n) + stdin(n) + NULL() + INFINITY()

# 1.5 + 1 = 2.5
# RUN: printf [1.5]
# EXPECT: {"return": 2.5, "args": [1.5]}
# RUN: malloc [21]
# EXPECT: {"return": 42, "args": [21]}
# RUN: free [3.0]
# EXPECT: {"return": 1.5, "args": [3]}
# RUN: abs [-4.25]
# EXPECT: {"return": 4.25, "args": [-4.25]}
# RUN: fflush [0]
# EXPECT: {"return": -1, "args": [0]}
# RUN: stdin [1]
# EXPECT: {"return": 101, "args": [1]}
# RUN: NULL []
# EXPECT: {"return": 7, "args": []}
# 2.5, not inf: the function, not the macro
# RUN: INFINITY []
# EXPECT: {"return": 2.5, "args": []}
# x = 3, n = 4: printf 4 + malloc 8 + free 1.5 + abs 3 + fflush 3 + stdin 104 + NULL 7 + INFINITY 2.5 = 133
# RUN: all_of_them [3.0, 4]
# EXPECT: {"return": 133, "args": [3, 4]}
