# Integer division by zero is a runtime error: exit 3, a message on stderr, nothing on stdout.

def idiv(a : In[int], b : In[int]) -> int:
    return a / b

# RUN: idiv [7, 0]
# EXIT: 3
# STDERR: runtime error: integer division by zero

def nested_call(a : In[int]) -> int:
    return idiv(a, a - a) + 1

# the error inside a callee still ends the run with exit 3
# RUN: nested_call [5]
# EXIT: 3
# STDERR: runtime error: integer division by zero

def no_error(a : In[int]) -> float:
    return a / 0.0

# float division by zero is not an error: inf
# RUN: no_error [1]
# EXPECT: {"return": "inf", "args": [1]}

def in_loop(n : In[int]) -> int:
    s : int
    for i in range(n, -1, -1):
        s = s + 100 / i
    return s

# i runs n, ..., 1, 0: the last iteration divides by zero
# RUN: in_loop [3]
# EXIT: 3
# STDERR: runtime error: integer division by zero
