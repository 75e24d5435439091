# Unary minus: -e means exactly 0 - e and binds tighter than * and /.

def neg_then_sub(x : In[float], y : In[float]) -> float:
    return -x - y

# (-x) - y = -1 - 2 = -3 (not -(x - y) = 1)
# RUN: neg_then_sub [1.0, 2.0]
# EXPECT: {"return": -3.0, "args": [1, 2]}

def neg_zero(z : In[float]) -> float:
    return 1.0 / (-z)

# -z with z = +0.0 is 0.0 - 0.0 = +0.0 (not -0.0), so 1 / (+0.0) = +inf
# RUN: neg_zero [0.0]
# EXPECT: {"return": "inf", "args": [0]}

def neg_int(n : In[int]) -> int:
    return -n * 3

# (-5) * 3 = -15
# RUN: neg_int [5]
# EXPECT: {"return": -15, "args": [5]}

def twice(x : In[float]) -> float:
    return 2.0 * x

def neg_postfix(a : In[Array[float]]) -> float:
    return -a[1] + -twice(a[0]) - -a[2]

# -a[1] negates the element, -twice(a[0]) the call: -(2) + -(2*1.5) - (-(4)) = -2 - 3 + 4 = -1
# RUN: neg_postfix [[1.5, 2.0, 4.0]]
# EXPECT: {"return": -1.0, "args": [[1.5, 2, 4]]}
