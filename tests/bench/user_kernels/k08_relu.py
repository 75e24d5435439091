# One leaky-ReLU unit regressed onto targets: piecewise with an if in the loop (for)
def relu_loss(x : In[Array[float]], t : In[Array[float]], w : In[float], b : In[float],
              n : In[int]) -> float:
    s : float
    z : float
    r : float
    for i in range(n):
        z = w * x[i] + b
        if z < 0.0:
            z = 0.01 * z
        r = z - t[i]
        s = s + r * r
    return s

d_relu_loss = fwd_diff(relu_loss)
r_relu_loss = rev_diff(relu_loss)
