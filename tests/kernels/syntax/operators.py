def ops(a : In[float], b : In[float], k : In[int]) -> float:
    x : float = a - (b - a)
    y : float = -(a + b) * -a
    z : float = -(-a)
    c : int = (a < b) == (k > 0)
    d : int = a <= b and b >= a or not_really(k) and k == 3
    e : float = a / b / (a * b) - a * (b / a)
    f : int = k and (k or k) and k
    g : float = (a or b) < 1.0
    h : float = 1.5e-3 + .5 + 2e3 + 1. + 0.1 + 1e-07 + 123456789.0
    i : int = 0x2A + 0o52 + 0b101010 + 1_000_000 + 2147483647
    j : int = -2147483647 - 1
    return x + y + z + c + d + e + f + g + h + i + j

def not_really(k : In[int]) -> int:
    return k
