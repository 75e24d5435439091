# Nested pragmas are accepted; the inner loop runs sequentially inside each outer thread.
# Loop variables of nested loops are private.

def outer_product(a : In[Array[float]], b : In[Array[float]], m : Out[Array[float]], n : In[int]) -> float:
    s : float
    #pragma omp parallel for shared(a, b, m) reduction(+:s)
    for i in range(n):
        #pragma omp parallel for shared(a, b, m)
        for j in range(n):
            m[i * n + j] = a[i] * b[j]
        s = s + a[i]
    return s

# m = a b^T for a = [1, 2], b = [3, 4]: [3, 4, 6, 8]; s = 3
# RUN: outer_product [[1, 2], [3, 4], [0, 0, 0, 0], 2]
# EXPECT: {"return": 3.0, "args": [[1, 2], [3, 4], [3, 4, 6, 8], 2]}
