"""A loss of n inputs for lab 2 (examples/labs/forward_vs_reverse.md): the squared distance of
a[0..n-1] from the targets 0, 0.01, 0.02, ... Its gradient is 2(a[i] - 0.01 i)."""

def dist2(a : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    d : float
    for i in range(n):
        d = a[i] - 0.01 * int2float(i)
        s = s + d * d
    return s

# DESCEND: dist2 --init [[1.0, 1.0, 1.0, 1.0], 4] --lr 0.25 --steps 5
