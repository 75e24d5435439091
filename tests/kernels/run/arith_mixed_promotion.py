# int op float: the int side is converted to float first.

def mixed(i : In[int], x : In[float], out : Out[Array[float]]):
    out[0] = i + x
    out[1] = i * x
    out[2] = i / x
    out[3] = x - i
    out[4] = i / 2 + x

# i = 7, x = 0.5: 7.5, 3.5, 14, -6.5; i / 2 is int division (3) then + 0.5 = 3.5
# RUN: mixed [7, 0.5, [0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [7, 0.5, [7.5, 3.5, 14.0, -6.5, 3.5]]}
