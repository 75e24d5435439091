class Pair:
    a : float
    b : Array[float, 2]

@openMpi
def h(x : In[float], p : In[Pair], ys : In[Array[float]], n : In[int]) -> float:
    s : float = x * p.a + p.b[1]
    for i in range(n):
        s = s + ys[i] * x
    return s

d_h = rev_diff(h)
f_h = fwd_diff(h)

def make(x : In[float]) -> Pair:
    q : Pair
    q.a = x
    q.b[0] = 2.0 * x
    q.b[1] = -x
    return q
