# Implicit int <-> float conversions in declarations and assignments; float -> int truncates
# toward zero (silently, as in loma).

class Mix:
    i : int
    x : float

def in_declarations(r : Out[Array[float]]):
    i : int = -2.7
    x : float = 3
    j : int = 9.99
    r[0] = i
    r[1] = x / 2
    r[2] = j

# i = trunc(-2.7) = -2; x = 3.0 so x / 2 = 1.5 (float division); j = 9
# RUN: in_declarations [[0, 0, 0]]
# EXPECT: {"return": null, "args": [[-2, 1.5, 9]]}

def in_assignments(ints : Out[Array[int]], m : Out[Mix]):
    x : float
    i : int
    i = 3.9
    x = 7
    ints[0] = i
    ints[1] = x / 2
    ints[2] = -0.9
    m.i = 2.5
    m.x = 5

# i = 3; x = 7.0 so x / 2 = 3.5 stored in an int element -> 3; -0.9 -> 0 (toward zero);
# members: i = 2, x = 5.0
# RUN: in_assignments [[9, 9, 9], {"i": 0, "x": 0.0}]
# EXPECT: {"return": null, "args": [[3, 3, 0], {"i": 2, "x": 5.0}]}
