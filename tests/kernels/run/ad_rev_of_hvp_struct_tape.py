# rev_diff of a Hessian-vector product (fwd_diff of a reverse derivative) through a while loop:
# hv_q's tape of p is a run-time sized array of _dfloat, and its adjoint a run-time sized array
# of _dfloat grown alongside it, zeroed member by member (it used to be an internal compiler
# error: "run-time sized tapes of structs").
# q(x, n) = sum_{i<n} sin(x_i) prod_{k<=i} (1 + x_k^2). hv_q(x + v eps, _dreturn = w + wd eps)
# adds to _dx[j] the pair (w g_j, w (H v)_j + wd g_j), g the gradient and H the Hessian of q.
# rhv differentiates L = sum_j a_j _dx[j].val + b_j _dx[j].dval (seeds (a_j, b_j) in _d_dx):
# _dx[j] gets (dL/dx_j, dL/dv_j), _d_dreturn gets (dL/dw, dL/dwd). Expected numbers by sympy
# (exact derivatives evaluated to 20 digits); finite differences of hv_q agree to 1e-3.

def q(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    p : float = 1.0
    i : int = 0
    while (i < n, max_iter := 8):
        p = p * (1.0 + x[i] * x[i])
        s = s + sin(x[i]) * p
        i = i + 1
    return s

r_q = rev_diff(q)
hv_q = fwd_diff(r_q)
rhv = rev_diff(hv_q)

# x = [0.5, -0.3, 0.8, 0.2], v = [1, 0.5, -1, 2], n = 3, w = 1.5, wd = 0.7
# RUN: hv_q [[{"val": 0.5, "dval": 1}, {"val": -0.3, "dval": 0.5}, {"val": 0.8, "dval": -1}, {"val": 0.2, "dval": 2}], [{"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], 3, 0, {"val": 1.5, "dval": 0.7}]
# EXPECT: {"return": null, "args": [[{"val": 0.5, "dval": 1}, {"val": -0.3, "dval": 0.5}, {"val": 0.8, "dval": -1}, {"val": 0.2, "dval": 2}], [{"val": 3.8049486957, "dval": 4.4682402833}, {"val": 0.9614071944, "dval": 4.6734480416}, {"val": 4.6809411303, "dval": -0.4433969458}, {"val": 0, "dval": 0}], 3, 0, {"val": 1.5, "dval": 0.7}]}
# a = [0.3, -0.2, 0.5, 0.9], b = [1.1, 0.4, -0.6, 0.25]
# RUN: rhv [[{"val": 0.5, "dval": 1}, {"val": -0.3, "dval": 0.5}, {"val": 0.8, "dval": -1}, {"val": 0.2, "dval": 2}], [{"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], [{"val": 0.3, "dval": 1.1}, {"val": -0.2, "dval": 0.4}, {"val": 0.5, "dval": -0.6}, {"val": 0.9, "dval": 0.25}], 3, 0, 0, {"val": 1.5, "dval": 0.7}, {"val": 0, "dval": 0}]
# EXPECT: {"return": null, "args": [[{"val": 0.5, "dval": 1}, {"val": -0.3, "dval": 0.5}, {"val": 0.8, "dval": -1}, {"val": 0.2, "dval": 2}], [{"val": 3.1352562370, "dval": 4.7188649033}, {"val": 0.4357865047, "dval": 3.0952378389}, {"val": 6.7436240083, "dval": 0.0380082839}, {"val": 0, "dval": 0}], [{"val": 0.3, "dval": 1.1}, {"val": -0.2, "dval": 0.4}, {"val": 0.5, "dval": -0.6}, {"val": 0.9, "dval": 0.25}], 3, 0, 0, {"val": 1.5, "dval": 0.7}, {"val": 6.3454328492, "dval": 1.1742945099}]}
# n = 0: q = 0, nothing flows; the adjoints passed in are kept
# RUN: rhv [[{"val": 0.5, "dval": 1}, {"val": -0.3, "dval": 0.5}, {"val": 0.8, "dval": -1}, {"val": 0.2, "dval": 2}], [{"val": 0.25, "dval": -1}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], [{"val": 0.3, "dval": 1.1}, {"val": -0.2, "dval": 0.4}, {"val": 0.5, "dval": -0.6}, {"val": 0.9, "dval": 0.25}], 0, 0, 0, {"val": 1.5, "dval": 0.7}, {"val": 2, "dval": 3}]
# EXPECT: {"return": null, "args": [[{"val": 0.5, "dval": 1}, {"val": -0.3, "dval": 0.5}, {"val": 0.8, "dval": -1}, {"val": 0.2, "dval": 2}], [{"val": 0.25, "dval": -1}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}, {"val": 0, "dval": 0}], [{"val": 0.3, "dval": 1.1}, {"val": -0.2, "dval": 0.4}, {"val": 0.5, "dval": -0.6}, {"val": 0.9, "dval": 0.25}], 0, 0, 0, {"val": 1.5, "dval": 0.7}, {"val": 2, "dval": 3}]}
