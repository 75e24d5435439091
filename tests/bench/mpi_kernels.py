# Kernels of tests/bench/bench_mpi.sh (issue 5, docs/benchmarks.md "MPI").

# Sweep over the number of input sets: a few microseconds of work per set (256 Newton steps
# towards the cube root of a; it converges in far fewer, the rest keep it there), so that per-set
# host costs (~0.3 µs) and computation are of the same order and a crossover exists.
def cube_root(a : In[float]) -> float:
    x : float = 1.0 + a / 3.0
    for i in range(256):
        x = x - (x * x * x - a) / (3.0 * x * x)
    return x

# Compute-bound batch: each input set is n iterations of the logistic map.
def logistic(r : In[float], n : In[int]) -> float:
    x : float = 0.5
    for i in range(n):
        x = r * x * (1.0 - x)
    return x

# Optimisation steps use examples/mpi_line_fit.py's line_loss_grad (a small model).
