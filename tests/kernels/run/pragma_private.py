# private(v): each thread gets its own copy, zero-initialised; the original is unchanged by the
# loop (also when running sequentially) [ext].

def private_zero(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    t : float = 5.0
    #pragma omp parallel for shared(x, y) private(t)
    for i in range(n):
        y[i] = t + x[i]
    return t

# the body reads only the private copy, which starts at 0 (not 5): y = x; t is still 5 after
# RUN: private_zero [[1, 2, 3], [0, 0, 0], 3]
# EXPECT: {"return": 5.0, "args": [[1, 2, 3], [1, 2, 3], 3]}

def private_temp(x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    t : float = 7.0
    #pragma omp parallel for shared(x, y) private(t)
    for i in range(n):
        t = x[i] * 2.0
        y[i] = t + 1.0
    return t

# t as a per-iteration temporary: y = 2x + 1; the original t keeps 7
# RUN: private_temp [[1, 2, 3, 4], [0, 0, 0, 0], 4]
# EXPECT: {"return": 7.0, "args": [[1, 2, 3, 4], [3, 5, 7, 9], 4]}

class Acc:
    a : float
    b : int

def private_param_and_struct(k : In[float], x : In[Array[float]], y : Out[Array[float]], n : In[int]) -> float:
    st : Acc
    st.a = 3.0
    st.b = 4
    #pragma omp parallel for shared(x, y) private(k, st)
    for i in range(n):
        y[i] = x[i] + k + st.a + st.b
    return k + st.a + st.b

# private copies of the In scalar k and the struct st are zero inside the loop: y = x;
# after the loop the originals are intact: 10 + 3 + 4 = 17
# RUN: private_param_and_struct [10.0, [1, 2], [0, 0], 2]
# EXPECT: {"return": 17.0, "args": [10, [1, 2], [1, 2], 2]}
