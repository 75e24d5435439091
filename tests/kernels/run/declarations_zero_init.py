# A declaration without initialiser zero-initialises the variable: ints, floats, every struct
# member (recursively) and every element of a static array (loma behaviour the course relies on).

class Inner:
    a : int
    v : Array[float, 2]

class Outer:
    x : float
    inner : Inner
    grid : Array[Array[int, 2], 2]
    items : Array[Inner, 2]

def zeros(ri : Out[Array[int]], rf : Out[Array[float]], o : Out[Outer]):
    n : int
    x : float
    s : Outer
    arr : Array[float, 3]
    nested : Array[Array[float, 2], 2]
    ri[0] = n
    rf[0] = x
    rf[1] = arr[0] + arr[1] + arr[2]
    rf[2] = nested[1][1]
    o = s

# every value is 0: the Out struct (which the caller fills with 7s) is overwritten by the
# zero-initialised local s, member by member
# RUN: zeros [[7], [7, 7, 7], {"x": 7, "inner": {"a": 7, "v": [7, 7]}, "grid": [[7, 7], [7, 7]], "items": [{"a": 7, "v": [7, 7]}, {"a": 7, "v": [7, 7]}]}]
# EXPECT: {"return": null, "args": [[0], [0, 0, 0], {"x": 0, "inner": {"a": 0, "v": [0, 0]}, "grid": [[0, 0], [0, 0]], "items": [{"a": 0, "v": [0, 0]}, {"a": 0, "v": [0, 0]}]}]}

def accumulate(x : In[Array[float]], n : In[int]) -> float:
    acc : float
    i : int
    while (i < n, max_iter := 10):
        acc = acc + x[i]
        i = i + 1
    return acc

# acc and i start at 0: 1 + 2 + 3 = 6
# RUN: accumulate [[1, 2, 3], 3]
# EXPECT: {"return": 6.0, "args": [[1, 2, 3], 3]}

def fresh_each_call(k : In[int]) -> int:
    c : int
    c = c + k
    return c

def twice(k : In[int]) -> int:
    return fresh_each_call(k) * 100 + fresh_each_call(k)

# locals are zeroed on every call (not static): both calls return 0 + 5 -> 5 * 100 + 5 = 505
# RUN: twice [5]
# EXPECT: {"return": 505, "args": [5]}
