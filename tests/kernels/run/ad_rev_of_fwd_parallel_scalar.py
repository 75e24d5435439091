# Reverse mode of a forward derivative whose parallel loop reads a float scalar: the scalar's
# adjoint `_dc` is a _dfloat reduced over the threads; C has no `+=` on structs, so each thread's
# copy is added member by member (before: the generated C did not compile).
# y[i] = x[i] * c, so in d_scale: y.val = x.val c.val, y.dval = x.dval c.val + x.val c.dval.
# Its reverse derivative, for adjoint inputs _dy = (v, w) per element:
#   _dx.val += v c.val + w c.dval     _dx.dval += w c.val
#   _dc.val += sum(v x.val + w x.dval)   _dc.dval += sum(w x.val)

def scale(x : In[Array[float]], c : In[float], y : Out[Array[float]], n : In[int]):
    # pragma omp parallel for
    for i in range(n):
        y[i] = x[i] * c

d_scale = fwd_diff(scale)
rd_scale = rev_diff(d_scale)

# x = (1, .5), (2, 0), (3, 1); c = (2, 1); _dy = (1, 1), (1, 0), (0, 2):
#   _dx = (2+1, 2), (2+0, 0), (0+2, 4) = (3, 2), (2, 0), (2, 4)
#   _dc.val = (1 + .5) + (2 + 0) + (0 + 2) = 5.5;  _dc.dval = 1 + 0 + 6 = 7
# (the reverse sweep consumes _dy: it is zero after the call)
# RUN: rd_scale [[{"val": 1, "dval": 0.5}, {"val": 2, "dval": 0}, {"val": 3, "dval": 1}], [{"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], {"val": 2, "dval": 1}, {"val": 0, "dval": 0}, [{"val": 1, "dval": 1}, {"val": 1, "dval": 0}, {"val": 0, "dval": 2}], 3, 0]
# EXPECT: {"return": null, "args": [[{"val": 1, "dval": 0.5}, {"val": 2, "dval": 0}, {"val": 3, "dval": 1}], [{"val": 3, "dval": 2}, {"val": 2, "dval": 0}, {"val": 2, "dval": 4}], {"val": 2, "dval": 1}, {"val": 5.5, "dval": 7}, [{"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], 3, 0]}
