# A negative constant step counts down: range(n - 1, -1, -1) is n-1 ... 0 [ext]

def reverse_copy(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    j : int
    for k in range(n - 1, -1, -1):
        y[j] = x[k]
        j = j + 1

# RUN: reverse_copy [[1, 2, 3, 4], [0, 0, 0, 0], 4]
# EXPECT: {"return": null, "args": [[1, 2, 3, 4], [4, 3, 2, 1], 4]}

def horner(c : In[Array[float]], n : In[int], x : In[float]) -> float:
    acc : float
    for k in range(n - 1, -1, -1):
        acc = acc * x + c[k]
    return acc

# 1 + 2x + 3x^2 at x = 2: 1 + 4 + 12 = 17
# RUN: horner [[1, 2, 3], 3, 2.0]
# EXPECT: {"return": 17.0, "args": [[1, 2, 3], 3, 2]}

def down_by_three(a : In[int], b : In[int]) -> int:
    s : int
    for i in range(a, b, -3):
        s = s * 100 + i
    return s

# 10, 7, 4, 1 (stop 0 excluded): ((10*100 + 7)*100 + 4)*100 + 1 = 10070401
# RUN: down_by_three [10, 0]
# EXPECT: {"return": 10070401, "args": [10, 0]}
