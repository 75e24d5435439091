# Forward mode of a parallel loop whose body has a long float expression: its tangent (more than
# 64 nodes) is computed through temporaries (_v, _part), which the derivative lists as private
# so that each thread has its own and the loop stays parallel (docs/ad.md, forward mode).
# g(x) = (0.7 x + sin x cos x) / (x^2 + 1.5) + exp(0.7 x) / (x^2 + 2), per element.

def g(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(x, y)
    for i in range(n):
        y[i] = (x[i] * 0.7 + sin(x[i]) * cos(x[i])) / (x[i] * x[i] + 1.5) + exp(x[i] * 0.7) / (x[i] * x[i] + 2.0)

d_g = fwd_diff(g)

# values of g (sympy, double precision); y[4] is beyond n and keeps its 9
# RUN: g [[0.5, -1.0, 2.0, 0.25, 0], [0, 0, 0, 0, 9], 4]
# EXPECT: {"return": null, "args": [[0.5, -1.0, 2.0, 0.25, 0], [1.07111697, -0.2963310508, 0.8616118888, 0.8429900956, 9], 4]}

# tangents g'(x) x' with x' = [1, 0, 0.5, 2] (sympy's derivative of g; a central difference with
# h = 1e-6 agrees to 1e-10): 0.6182534851, 0, -0.05206505853, 2.37800698
# RUN: d_g [[{"val": 0.5, "dval": 1}, {"val": -1.0, "dval": 0}, {"val": 2.0, "dval": 0.5}, {"val": 0.25, "dval": 2}], [{"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], 4]
# EXPECT: {"return": null, "args": [[{"val": 0.5, "dval": 1}, {"val": -1.0, "dval": 0}, {"val": 2.0, "dval": 0.5}, {"val": 0.25, "dval": 2}], [{"val": 1.07111697, "dval": 0.6182534851}, {"val": -0.2963310508, "dval": 0}, {"val": 0.8616118888, "dval": -0.05206505853}, {"val": 0.8429900956, "dval": 2.37800698}], 4]}
