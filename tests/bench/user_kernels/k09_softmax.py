# Softmax cross-entropy over n logits: pass 1 max, pass 2 sum of exp (while)
def softmax_ce(z : In[Array[float]], label : In[int], n : In[int]) -> float:
    m : float = z[0]
    s : float
    i : int = 1
    while (i < n, max_iter := 1000000):
        if z[i] > m:
            m = z[i]
        i = i + 1
    i = 0
    while (i < n, max_iter := 1000000):
        s = s + exp(z[i] - m)
        i = i + 1
    return log(s) + m - z[label]

d_softmax_ce = fwd_diff(softmax_ce)
r_softmax_ce = rev_diff(softmax_ce)
