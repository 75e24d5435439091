# Unknown clauses (schedule, num_threads, nowait, ...) only warn (omp-unknown-clause) and are
# ignored; a pragma that is not directly above a for is ignored with a warning (pragma-ignored).

def sq(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    s : float
    #pragma omp parallel for schedule(static, 2) num_threads(3) shared(x, y) reduction(+:s)
    for i in range(n):
        y[i] = x[i] * x[i]
        s = s + y[i]
    #pragma omp parallel for
    s = s + 0.5
    return s

# squares 1, 4, 9, 16, sum 30, plus 0.5
# RUN: sq [[1, 2, 3, 4], [0, 0, 0, 0], 4]
# EXPECT: {"return": 30.5, "args": [[1, 2, 3, 4], [1, 4, 9, 16], 4]}
