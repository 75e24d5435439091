# --check-bounds (docs/language.md §10.6): a local Array[float, N] passed for an Array[float]
# parameter is checked inside the callee against N, also in recursion, in loops and in the
# threads of a parallel loop (sized locals are registered while their call runs).

def fill(y : Out[Array[float]], n : In[int]):
    for i in range(n):
        y[i] = i * 2.0

def get(x : In[Array[float]], i : In[int]) -> float:
    return x[i]

def driver(n : In[int]) -> float:
    buf : Array[float, 4]
    fill(buf, n)
    return buf[0] + buf[1] + buf[2] + buf[3]

# fill writes y[0..n-1] = 0, 2, 4, 6: sum 12. n = 5 writes y[4] of the 4-element buf: the
# index `i` of `y[i]` is at line 7, column 11.
# RUN: driver --check-bounds [4]
# EXPECT: {"return": 12, "args": [4]}
# RUN: driver --check-bounds [5]
# EXIT: 3
# STDERR: lomaw: runtime error: index 4 out of bounds for 'y' (size 4) at $FILE:7:11

# Each call has its own a = [k, 10]; rec(k, i) = rec(k - 1, i) + a[i + k], the outer frames
# reading their a after the inner frames have returned (and dropped theirs).
def rec(k : In[int], i : In[int]) -> float:
    a : Array[float, 2]
    a[0] = k
    a[1] = 10.0
    r : float
    if k > 0:
        r = rec(k - 1, i)
    return r + get(a, i + k)

# rec(1, 0) = a0[0] + a1[1] = 0 + 10 = 10; rec(2, 0) reads a2[2] in the outermost frame:
# `i` of `x[i]` at line 10, column 14.
# RUN: rec --check-bounds [1, 0]
# EXPECT: {"return": 10, "args": [1, 0]}
# RUN: rec --check-bounds [2, 0]
# EXIT: 3
# STDERR: lomaw: runtime error: index 2 out of bounds for 'x' (size 2) at $FILE:10:14

# A function called in a loop has a new local at each call; so does one called by the threads
# of a parallel loop, which also read a local of the function running the loop.
def second(j : In[int], i : In[int]) -> float:
    c : Array[float, 2]
    c[1] = j
    return get(c, i)

def loop_sum(n : In[int], i : In[int]) -> float:
    s : float
    for j in range(n):
        s = s + second(j, i)
    return s

# sum of j for j < 4 = 6; i = 2 is outside every c
# RUN: loop_sum --check-bounds [4, 1]
# EXPECT: {"return": 6, "args": [4, 1]}
# RUN: loop_sum --check-bounds [4, 2]
# EXIT: 3
# STDERR: lomaw: runtime error: index 2 out of bounds for 'x' (size 2) at $FILE:10:14

def par(n : In[int], i : In[int]) -> float:
    three : Array[float, 3]
    out : Array[float, 8]
    s : float
    three[2] = 100.0
    #pragma omp parallel for shared(out, three)
    for j in range(n):
        out[j] = second(j, 1) + get(three, i + j)
    for j in range(n):
        s = s + out[j]
    return s

# par(2, 1): out[j] = j + three[1 + j] = [0 + 0, 1 + 100], sum 101. par(4, 0) reads three[3]
# at j = 3, an iteration of another thread than the one that declared `three` (with 2 threads).
# RUN: par --check-bounds [2, 1]
# EXPECT: {"return": 101, "args": [2, 1]}
# RUN: par --check-bounds [4, 0]
# EXIT: 3
# STDERR: lomaw: runtime error: index 3 out of bounds for 'x' (size 3) at $FILE:10:14
