# k-means assignment cost: each point's squared distance to its nearest center, min via if (for)
def kmeans_cost(px : In[Array[float]], py : In[Array[float]], cx : In[Array[float]],
                cy : In[Array[float]], n : In[int], k : In[int]) -> float:
    cost : float
    best : float
    d : float
    for i in range(n):
        best = 1e30
        for c in range(k):
            d = (px[i] - cx[c]) * (px[i] - cx[c]) + (py[i] - cy[c]) * (py[i] - cy[c])
            if d < best:
                best = d
        cost = cost + best
    return cost

d_kmeans_cost = fwd_diff(kmeans_cost)
r_kmeans_cost = rev_diff(kmeans_cost)
