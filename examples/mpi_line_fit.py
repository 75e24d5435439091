# Fitting a line y = a*x + b to many data points with `lomaw optimize` (docs/mpi.md).
# The data points are sharded over the MPI workers; each worker returns the squared error of its
# slice and adds the slice's gradient into grad (a hand-written gradient: no AD needed).
#   lomaw optimize examples/mpi_line_fit.py line_loss_grad --init '[0.0, 0.0]' \
#       --data examples/mpi_line_fit_data.json --steps 200 --lr 0.5 --average --workers 2

@openMpi
def line_loss_grad(p : In[Array[float]], xs : In[Array[float]], ys : In[Array[float]], n : In[int], grad : Out[Array[float]]) -> float:
    loss : float = 0.0
    r : float
    for i in range(n):
        r = p[0] * xs[i] + p[1] - ys[i]
        loss = loss + r * r
        grad[0] = grad[0] + 2.0 * r * xs[i]
        grad[1] = grad[1] + 2.0 * r
    return loss

# One call by hand: p = (1, 0), points (1, 3) and (2, 1): residuals -2 and 1, loss 4 + 1 = 5,
# grad = (2(-2)(1) + 2(1)(2), 2(-2) + 2(1)) = (0, -2).
# RUN: line_loss_grad [[1.0, 0.0], [1.0, 2.0], [3.0, 1.0], 2, [0.0, 0.0]]
# EXPECT: {"return": 5, "args": [[1, 0], [1, 2], [3, 1], 2, [0, -2]]}
