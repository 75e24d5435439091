# sin and cos (single precision sinf / cosf); an int argument is converted to float.

def trig(x : In[float], n : In[int], r : Out[Array[float]]):
    r[0] = sin(x)
    r[1] = cos(x)
    r[2] = sin(x) * sin(x) + cos(x) * cos(x)
    r[3] = sin(n)
    r[4] = cos(0 - n + 1)

# x = 1: sin 1 = 0.841470985, cos 1 = 0.540302306, sin^2 + cos^2 = 1;
# n = 3: sin 3 = 0.141120008; cos(-3 + 1) = cos(-2) = -0.416146837   (python3 math)
# RUN: trig [1.0, 3, [0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [1, 3, [0.841470985, 0.540302306, 1.0, 0.141120008, -0.416146837]]}
