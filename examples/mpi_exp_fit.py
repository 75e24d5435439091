# Fitting an exponential decay y = a * exp(b * x) to data points with `lomaw optimize`, the
# gradient taken by reverse-mode AD (rev_diff) instead of by hand. The data points (41 samples of
# y = 2 exp(-0.5 x) on [0, 2]) are sharded over the MPI workers; each worker returns the squared
# error of its slice and adds the slice's gradient into grad. The minimum is (a, b) = (2, -0.5),
# loss 0: plain gradient descent from (1, 0) reaches it in 300 steps.
#   lomaw optimize examples/mpi_exp_fit.py exp_fit_loss_grad --init '[1.0, 0.0]' \
#       --data examples/mpi_exp_fit_data.json --steps 300 --lr 0.3 --average --workers 2

# The squared error of one data point: the only formula written by hand.
def point_loss(p : In[Array[float]], x : In[float], y : In[float]) -> float:
    r : float = p[0] * exp(p[1] * x) - y
    return r * r

# d_point_loss(p, _dp, x, _dx, y, _dy, _dreturn) adds _dreturn * d(point_loss)/dp into _dp.
d_point_loss = rev_diff(point_loss)

# The loss-gradient contract of `lomaw optimize` (docs/mpi.md): grad arrives zeroed and the
# reverse-mode derivative accumulates every point's gradient into it.
@openMpi
def exp_fit_loss_grad(p : In[Array[float]], xs : In[Array[float]], ys : In[Array[float]], n : In[int], grad : Out[Array[float]]) -> float:
    loss : float = 0.0
    dx : float
    dy : float
    for i in range(n):
        loss = loss + point_loss(p, xs[i], ys[i])
        d_point_loss(p, grad, xs[i], dx, ys[i], dy, 1.0)
    return loss

# One call by hand at p = (1, 0), points (1, 3) and (0, 0.5): exp(0) = 1, residuals -2 and 0.5,
# loss 4 + 0.25 = 4.25; d/da = 2r exp(bx) summed: -4 + 1 = -3; d/db = 2r a x exp(bx): -4 + 0 = -4.
# RUN: exp_fit_loss_grad [[1.0, 0.0], [1.0, 0.0], [3.0, 0.5], 2, [0.0, 0.0]]
# EXPECT: {"return": 4.25, "args": [[1, 0], [1, 0], [3, 0.5], 2, [-3, -4]]}
