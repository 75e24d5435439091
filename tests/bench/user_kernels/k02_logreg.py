# Logistic-regression loss over a dataset X (n rows of d features), labels y in {-1, 1} (while loops)
def logreg(X : In[Array[float]], y : In[Array[float]], w : In[Array[float]], b : In[float],
           n : In[int], d : In[int]) -> float:
    loss : float
    z : float
    i : int
    j : int
    while (i < n, max_iter := 100000):
        z = b
        j = 0
        while (j < d, max_iter := 64):
            z = z + X[i * d + j] * w[j]
            j = j + 1
        loss = loss + log(1.0 + exp(0.0 - y[i] * z))
        i = i + 1
    return loss / n

d_logreg = fwd_diff(logreg)
r_logreg = rev_diff(logreg)
