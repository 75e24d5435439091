"""A compute-bound kernel for lab 4 (examples/labs/mpi_batch.md): n steps of the logistic map
x <- r x (1 - x) from x = 0.5. Each input set is one (r, n); a batch of many sets is spread over
MPI workers by `lomaw mpirun`."""

def logistic(r : In[float], n : In[int]) -> float:
    x : float = 0.5
    for i in range(n):
        x = r * x * (1.0 - x)
    return x

# r = 2: 0.5 is the fixed point (2 * 0.5 * 0.5 = 0.5); r = 0: x becomes 0 after one step.
# RUN: logistic [2.0, 100]
# EXPECT: {"return": 0.5, "args": [2, 100]}
# RUN: logistic [0.0, 3]
# EXPECT: {"return": 0, "args": [0, 3]}
