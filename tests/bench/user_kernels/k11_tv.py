# TV denoising objective: data term + lam * sum sqrt((x[i+1]-x[i])^2 + eps) (while)
def tv_loss(x : In[Array[float]], f : In[Array[float]], lam : In[float], eps : In[float],
            n : In[int]) -> float:
    s : float
    d : float
    i : int
    while (i < n - 1, max_iter := 1000000):
        d = x[i + 1] - x[i]
        s = s + 0.5 * (x[i] - f[i]) * (x[i] - f[i]) + lam * sqrt(d * d + eps)
        i = i + 1
    return s

d_tv_loss = fwd_diff(tv_loss)
r_tv_loss = rev_diff(tv_loss)
