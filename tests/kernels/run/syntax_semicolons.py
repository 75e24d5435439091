# ';' separates simple statements on one line.

def semis(a : In[int]) -> int:
    x : int = a; y : int = 2; z : int
    z = x * y; x = z + 1; y = x - z
    return x * 100 + y * 10 + z

# a = 4: x = 4, y = 2, z = 8, x = 9, y = 1 -> 900 + 10 + 8 = 918
# RUN: semis [4]
# EXPECT: {"return": 918, "args": [4]}
