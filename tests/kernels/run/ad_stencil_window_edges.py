# Stencil adjoints in registers (docs/ad.md, "Stencil adjoints in registers") at their edges.
# descending: the primal loop counts down, so the reverse loop counts up (the window moves the
# other way), and its offsets -2 and +1 leave two empty places in the window.
# mixed: the accumulation into _dx[i + 1] under the condition stays in memory beside the
# window's; both reach the same element.
# Gradients by hand (checked against central finite differences):
#   descending: s = sum_{i=2..n-2} x[i-2] x[i+1]: ds/dx[i-2] += x[i+1], ds/dx[i+1] += x[i-2];
#   mixed: s = sum_{i=1..n-2} x[i-1] x[i] + 2 x[i+1] + (x[i] > 0 ? x[i+1]^2 : 0).

def descending(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    i : int = n - 2
    while (i > 1, max_iter := 1000):
        s = s + x[i - 2] * x[i + 1]
        i = i - 1
    return s

def mixed(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    for i in range(1, n - 1):
        s = s + x[i - 1] * x[i] + 2.0 * x[i + 1]
        if x[i] > 0.0:
            s = s + x[i + 1] * x[i + 1]
    return s

r_descending = rev_diff(descending)
r_mixed = rev_diff(mixed)

# RUN: r_descending --check-bounds [[1.5, -2, 3, 0.5, -1, 4, 2.5, -3], [0, 0, 0, 0, 0, 0, 0, 0], 8, 0, 1]
# EXPECT: {"return": null, "args": [[1.5, -2, 3, 0.5, -1, 4, 2.5, -3], [0.5, -1, 4, 4, -5, 3, 0.5, -1], 8, 0, 1]}
# RUN: r_mixed --check-bounds [[1.5, -2, 3, 0.5, -1, 4, 2.5, -3], [0, 0, 0, 0, 0, 0, 0, 0], 8, 0, 1]
# EXPECT: {"return": null, "args": [[1.5, -2, 3, 0.5, -1, 4, 2.5, -3], [-2, 4.5, 0.5, 5, 4.5, 3.5, 11, -4], 8, 0, 1]}
# Loops that run no iteration: the adjoints keep their values, nothing outside x is touched.
# RUN: r_descending --check-bounds [[1, 2, 3], [0.25, 0, 0], 3, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2, 3], [0.25, 0, 0], 3, 0, 1]}
# RUN: r_mixed --check-bounds [[1, 2], [0, 0.25], 2, 0, 1]
# EXPECT: {"return": null, "args": [[1, 2], [0, 0.25], 2, 0, 1]}
