# 9-point 2-D stencil (Laplacian-like) energy on an n-by-n grid (for)
def stencil9(u : In[Array[float]], n : In[int]) -> float:
    e : float
    l : float
    for i in range(1, n - 1):
        for j in range(1, n - 1):
            l = 8.0 * u[i * n + j] - u[(i - 1) * n + j - 1] - u[(i - 1) * n + j] - u[(i - 1) * n + j + 1] \
                - u[i * n + j - 1] - u[i * n + j + 1] \
                - u[(i + 1) * n + j - 1] - u[(i + 1) * n + j] - u[(i + 1) * n + j + 1]
            e = e + l * l
    return e

d_stencil9 = fwd_diff(stencil9)
r_stencil9 = rev_diff(stencil9)
