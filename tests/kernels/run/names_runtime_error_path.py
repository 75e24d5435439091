# Kernel functions named exit, fprintf and fflush next to an int division: the generated
# runtime-error path (fprintf to stderr, fflush, exit 3) must reach the C library, not the
# kernel's functions (a function named exit used to turn a division by zero into signal 11,
# one named fprintf to lose the message).

def exit(code : In[int]) -> int:
    return code + 1

def fprintf(x : In[int]) -> int:
    return x * 3

def fflush(x : In[int]) -> int:
    return x

def quotient(a : In[int], b : In[int]) -> int:
    return exit(a) / fprintf(b) + fflush(0)

# exit(5) / fprintf(1) + fflush(0) = 6 / 3 + 0 = 2
# RUN: quotient [5, 1]
# EXPECT: {"return": 2, "args": [5, 1]}
# 6 / fprintf(0) = 6 / 0
# RUN: quotient [5, 0]
# EXIT: 3
# STDERR: runtime error: integer division by zero
# truncation toward zero: exit(-7) / fprintf(1) = -6 / 3 = -2
# RUN: quotient [-7, 1]
# EXPECT: {"return": -2, "args": [-7, 1]}
