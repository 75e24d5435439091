# #pragma omp parallel for with shared variables: one storage for all threads [ext].

def scale(x : In[Array[float]], y : Out[Array[float]], k : In[float], n : In[int]):
    #pragma omp parallel for shared(x, y, k)
    for i in range(n):
        y[i] = k * x[i]

# RUN: scale [[1, 2, 3, 4, 5], [0, 0, 0, 0, 0], 3.0, 5]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4, 5], [3, 6, 9, 12, 15], 3, 5]}

def default_shared(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for default(shared)
    for i in range(n):
        y[i] = x[i] + x[n - 1 - i]

# without private clauses everything is shared (race-free here: each i writes only y[i])
# RUN: default_shared [[1, 2, 3, 4], [0, 0, 0, 0], 4]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4], [5, 5, 5, 5], 4]}

def clause_spelling(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
#pragma   omp parallel   for shared( x ,y ),private(i)
    for i in range(n):
        y[i] = x[i] * x[i]

# the pragma may sit in column 1, words may be separated by extra blanks, clauses by commas,
# and the loop variable may be listed as private (redundant)
# RUN: clause_spelling [[1, 2, 3], [0, 0, 0], 3]
# EXPECT: {"return": null, "args": [[1, 2, 3], [1, 4, 9], 3]}
