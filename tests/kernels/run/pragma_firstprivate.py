# firstprivate(v): each thread's copy starts with the original's value at loop entry; the
# original is unchanged [ext].

def offset(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    base : float = 5.0
    #pragma omp parallel for shared(x, y) firstprivate(base)
    for i in range(n):
        y[i] = base + x[i]
    return base

# copies start at 5: y = x + 5; base unchanged
# RUN: offset [[1, 2, 3], [0, 0, 0], 3]
# EXPECT: {"return": 5.0, "args": [[1, 2, 3], [6, 7, 8], 3]}

def write_copy(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> int:
    m : int = 3
    #pragma omp parallel for shared(x, y) firstprivate(m)
    for i in range(n):
        y[i] = x[i] * 3
        m = 100
    return m

# the body writes only the thread copies of m: after the loop the original still holds 3
# RUN: write_copy [[1, 2], [0, 0], 2]
# EXPECT: {"return": 3, "args": [[1, 2], [3, 6], 2]}
