# Functions named like what the backend and the call harness invent (args and ret, the old
# wrapper parameters; _lomaw_exit; _lomaw_call_g beside g; the backend's _lw_div_int and
# _lw_runtime_error), C-reserved spellings (_Pragma, __LINE__, _Exit) and the GNU keyword asm.
# The harness's own names start with _lomaw and the backend's with _lw, and kernel names
# that start so are renamed (_lw_u_...), so each call below reaches the kernel's function.

def g(x : In[int]) -> int:
    return x + 1

def _lomaw_call_g(x : In[int]) -> int:
    return x * 10

def args(ret : In[int], _lomaw_args : In[int]) -> int:
    return ret - _lomaw_args

def ret(args : In[int]) -> int:
    return args(args, 1) * 2

def _lomaw_exit(code : In[int]) -> int:
    return code + 2

def _lw_div_int(a : In[int], b : In[int]) -> int:
    return a * b

def _lw_runtime_error(x : In[int]) -> int:
    return x + 3

def _Pragma(x : In[int]) -> int:
    return x + 4

def __LINE__(x : In[int]) -> int:
    return x + 5

def _Exit(x : In[int]) -> int:
    return x + 6

def asm(x : In[int]) -> int:
    return x + 7

# The kernel's _lw_div_int beside a real division (the backend's helper): 7 * 2 + 7 / 2 = 14 + 3
def both_divisions(a : In[int], b : In[int]) -> int:
    return _lw_div_int(a, b) + a / b

def reserved_spellings(x : In[int]) -> int:
    return _lw_runtime_error(x) + _Pragma(x) + __LINE__(x) + _Exit(x) + asm(x)

# RUN: g [4]
# EXPECT: {"return": 5, "args": [4]}
# RUN: _lomaw_call_g [4]
# EXPECT: {"return": 40, "args": [4]}
# RUN: args [10, 3]
# EXPECT: {"return": 7, "args": [10, 3]}
# ret(5) = args(5, 1) * 2 = 8
# RUN: ret [5]
# EXPECT: {"return": 8, "args": [5]}
# RUN: _lomaw_exit [1]
# EXPECT: {"return": 3, "args": [1]}
# RUN: both_divisions [7, 2]
# EXPECT: {"return": 17, "args": [7, 2]}
# the backend's helper still reports a zero divisor: 7 * 0 + 7 / 0
# RUN: both_divisions [7, 0]
# EXIT: 3
# STDERR: runtime error: integer division by zero
# x = 1: 4 + 5 + 6 + 7 + 8 = 30
# RUN: reserved_spellings [1]
# EXPECT: {"return": 30, "args": [1]}
