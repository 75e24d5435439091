# Square roots by six Newton steps per element, summed; every other element (while, step 2)
def newton_sqrt_sum(x : In[Array[float]], n : In[int]) -> float:
    total : float = 0.0
    g : float = 1.0
    k : int = 0
    i : int = 0
    while (i < n, max_iter := 1000000):
        g = 1.0
        k = 0
        while (k < 6, max_iter := 6):
            g = 0.5 * (g + x[i] / g)
            k = k + 1
        total = total + g
        i = i + 2
    return total

d_newton_sqrt_sum = fwd_diff(newton_sqrt_sum)
r_newton_sqrt_sum = rev_diff(newton_sqrt_sum)
