# Tapes of nested while loops are sized by the product of the max_iters: here 10000 * 1000 =
# 10^7 entries (tens of MB), which must live on the heap (a stack array crashed); small tapes
# stay on the stack. f(x) = x^(1 + n*m) through y = y * x (y is read, so it is taped);
# f'(x) = (1 + n m) x^(n m).

def f(x : In[float], n : In[int], m : In[int]) -> float:
    y : float = x
    i : int = 0
    j : int = 0
    while (i < n, max_iter := 10000):
        j = 0
        while (j < m, max_iter := 1000):
            y = y * x
            j = j + 1
        i = i + 1
    return y

r_f = rev_diff(f)

# n = 3, m = 2: x^7 at 1.1 = 1.9487171; f' = 7 * 1.1^6 = 7 * 1.771561 = 12.400927
# RUN: f [1.1, 3, 2]
# EXPECT: {"return": 1.9487171, "args": [1.1, 3, 2]}
# RUN: r_f [1.1, 0, 3, 0, 2, 0, 1]
# EXPECT: {"return": null, "args": [1.1, 12.400927, 3, 0, 2, 0, 1]}
# n = 2, m = 0 (no inner iterations): f = x, f' = 1
# RUN: r_f [1.1, 0, 2, 0, 0, 0, 1]
# EXPECT: {"return": null, "args": [1.1, 1, 2, 0, 0, 0, 1]}
