def smooth(u : In[Array[float]], v : Out[Array[float]], n : In[int]) -> float:
    s : float
    t : float
    z : float
    #pragma omp parallel for shared(u, v) private(t) reduction(+:s)
    for i in range(1, n - 1):
        t = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]
        v[i] = t
        s = s + t
    # pragma   omp parallel for default(none) firstprivate(z) shared(u,v,n) schedule(static, 4)
    for j in range(n - 1, -1, -1):
        for k in range(0, n, 2):
            v[k] = v[k] + u[j]
    for q in range(n):
        v[q] = v[q] * 2.0
    return s
