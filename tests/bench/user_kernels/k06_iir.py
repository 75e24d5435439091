# First-order IIR filter y[i] = a*y[i-1] + x[i], output to an Out array, returns the output energy (while)
def iir(x : In[Array[float]], a : In[float], y : Out[Array[float]], n : In[int]) -> float:
    prev : float
    e : float
    i : int
    while (i < n, max_iter := 1000000):
        prev = a * prev + x[i]
        y[i] = prev
        e = e + prev * prev
        i = i + 1
    return e

d_iir = fwd_diff(iir)
r_iir = rev_diff(iir)
