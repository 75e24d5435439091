def branches(x : In[float], n : In[int], y : Out[Array[float]]) -> float:
    acc : float = 0.0
    i : int
    if x > 0.0:
        acc = 1.0
    elif x < -1.0:
        acc = 2.0
    elif x == 0.0:
        acc = 3.0
    else:
        acc = 4.0
    if n > 2:
        acc = acc * 2.0
    else:
        if n > 1:
            acc = acc + 1.0
        acc = acc - 0.5
    while (i < n, max_iter := 50):
        j : int
        while (j < i, max_iter := 7):
            y[j] = y[j] + acc
            j = j + 1
        i = i + 1
    if x > 1.0: acc = 5.0; y[0] = acc
    return acc
