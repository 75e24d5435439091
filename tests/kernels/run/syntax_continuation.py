# Logical lines continue after '\' and inside (...) / [...]; parameter lists may span lines and
# end with a trailing comma.

def long_sum(a : In[float],
             b : In[float],
             c : In[Array[float]],
             ) -> float:
    s : float = a + \
        b
    return s * 2.0 + \
           c[
             1
           ] + (a
                - b)

# s = 1 + 2 = 3; 6 + c[1] = 6 + 10 = 16; + (1 - 2) = 15
# RUN: long_sum [1.0, 2.0, [0, 10]]
# EXPECT: {"return": 15.0, "args": [1, 2, [0, 10]]}
