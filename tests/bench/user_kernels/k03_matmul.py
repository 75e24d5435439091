# Energy of a matrix product: sum_ij (A B)_ij^2, triple nested for loops
def matmul_energy(A : In[Array[float]], B : In[Array[float]], n : In[int]) -> float:
    e : float
    c : float
    for i in range(n):
        for j in range(n):
            c = 0.0
            for k in range(n):
                c = c + A[i * n + k] * B[k * n + j]
            e = e + c * c
    return e

d_matmul_energy = fwd_diff(matmul_energy)
r_matmul_energy = rev_diff(matmul_energy)
