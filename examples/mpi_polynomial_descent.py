# The report's experiment, run to convergence: gradient descent on the third-order polynomial
#   p(x, y) = x^3 + y^3 - 3xy     (local minimum p(1, 1) = -1; start at (2, 2))
# written as a sum of monomial terms c * x^i * y^j. The terms are the data set, sharded over the
# workers: each worker sums its terms and their gradient.
#   lomaw optimize examples/mpi_polynomial_descent.py poly_loss_grad --init '[2.0, 2.0]' \
#       --data examples/mpi_polynomial_terms.json --steps 200 --lr 0.05 --workers 2 --trajectory poly.csv

def ipow(x : In[float], k : In[int]) -> float:
    r : float = 1.0
    for i in range(k):
        r = r * x
    return r

@openMpi
def poly_loss_grad(p : In[Array[float]], c : In[Array[float]], ex : In[Array[int]], ey : In[Array[int]], n : In[int], grad : Out[Array[float]]) -> float:
    value : float = 0.0
    for t in range(n):
        value = value + c[t] * ipow(p[0], ex[t]) * ipow(p[1], ey[t])
        if ex[t] > 0:
            grad[0] = grad[0] + c[t] * int2float(ex[t]) * ipow(p[0], ex[t] - 1) * ipow(p[1], ey[t])
        if ey[t] > 0:
            grad[1] = grad[1] + c[t] * int2float(ey[t]) * ipow(p[0], ex[t]) * ipow(p[1], ey[t] - 1)
    return value

# One call by hand at (2, 2): p = 8 + 8 - 12 = 4, grad = (3*4 - 3*2, 3*4 - 3*2) = (6, 6).
# RUN: poly_loss_grad [[2.0, 2.0], [1.0, 1.0, -3.0], [3, 0, 1], [0, 3, 1], 3, [0.0, 0.0]]
# EXPECT: {"return": 4, "args": [[2, 2], [1, 1, -3], [3, 0, 1], [0, 3, 1], 3, [6, 6]]}
