# Horner evaluation of a degree-deg polynomial at every element, summed (for loops)
def horner(x : In[Array[float]], c : In[Array[float]], n : In[int], deg : In[int]) -> float:
    s : float
    p : float
    for i in range(n):
        p = c[deg]
        for k in range(deg - 1, -1, -1):
            p = p * x[i] + c[k]
        s = s + p
    return s

d_horner = fwd_diff(horner)
r_horner = rev_diff(horner)
