# A @simd kernel whose In scalar is copied into every element: y[i] = c * c. Reverse mode must
# sum the element adjoints into _dc atomically: _dc = sum 2c _dy[i].

@simd
def fill(c : In[float], y : Out[Array[float]]):
    y[thread_id()] = c * c

rfill = rev_diff(fill)

# 2*3*(1+2+3+4) = 60
# RUN: rfill --threads 4 [3, 0, [1, 2, 3, 4]]
# EXPECT: {"return": null, "args": [3, 60, [0, 0, 0, 0]]}
# primal: 1.5^2
# RUN: fill --threads 2 [1.5, [0, 0]]
# EXPECT: {"return": null, "args": [1.5, [2.25, 2.25]]}
