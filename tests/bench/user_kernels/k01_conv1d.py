# 1-D convolution with a weight array; loss = sum of squared outputs (for loops)
def conv1d(x : In[Array[float]], w : In[Array[float]], n : In[int], k : In[int]) -> float:
    s : float
    c : float
    for i in range(n - k + 1):
        c = 0.0
        for j in range(k):
            c = c + w[j] * x[i + j]
        s = s + c * c
    return s

d_conv1d = fwd_diff(conv1d)
r_conv1d = rev_diff(conv1d)
