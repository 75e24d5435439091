# Recursion is allowed (a function may call itself).

def fib(n : In[int]) -> int:
    r : int = n
    if n > 1:
        r = fib(n - 1) + fib(n - 2)
    return r

# F(0) = 0, F(1) = 1, F(10) = 55, F(20) = 6765
# RUN: fib [0]
# EXPECT: {"return": 0, "args": [0]}
# RUN: fib [1]
# EXPECT: {"return": 1, "args": [1]}
# RUN: fib [10]
# EXPECT: {"return": 55, "args": [10]}
# RUN: fib [20]
# EXPECT: {"return": 6765, "args": [20]}

def is_even(n : In[int]) -> int:
    r : int = 1
    if n > 0:
        r = is_odd(n - 1)
    return r

def is_odd(n : In[int]) -> int:
    r : int = 0
    if n > 0:
        r = is_even(n - 1)
    return r

# mutual recursion: 7 is odd, 10 is even
# RUN: is_odd [7]
# EXPECT: {"return": 1, "args": [7]}
# RUN: is_even [7]
# EXPECT: {"return": 0, "args": [7]}
# RUN: is_even [10]
# EXPECT: {"return": 1, "args": [10]}

def power(x : In[float], n : In[int], out : Out[float]):
    if n == 0:
        out = 1.0
    else:
        power(x, n - 1, out)
        out = out * x

# recursion through an Out parameter: 1.5^4 = 5.0625
# RUN: power [1.5, 4, 0.0]
# EXPECT: {"return": null, "args": [1.5, 4, 5.0625]}
