# rev_diff of a reverse derivative whose for loop needs a heap tape (_t_y : Array[float]): the
# tape gets a heap adjoint buffer grown alongside it, and its release moves after the reverse
# sweep (it used to be an internal compiler error).
# p(x, n) = x^n through y = y * x. rp(x, _dx, n, _dn, _dreturn): _dx += n x^(n-1) _dreturn.
# rrp differentiates rp (inputs x, _dreturn; output _dx with adjoint _d_dx):
#   adjoint of x  += n (n-1) x^(n-2) _dreturn _d_dx
#   _d_dreturn    += n x^(n-1) _d_dx

def p(x : In[float], n : In[int]) -> float:
    y : float = 1.0
    for i in range(n):
        y = y * x
    return y

rp = rev_diff(p)
rrp = rev_diff(rp)

# 3 * 1.5^2 * 2 = 13.5
# RUN: rp [1.5, 0, 3, 0, 2]
# EXPECT: {"return": null, "args": [1.5, 13.5, 3, 0, 2]}
# x = 1.5, n = 3, _dreturn = 2, _d_dx = 0.5: 6 * 1.5 * 2 * 0.5 = 9; 3 * 2.25 * 0.5 = 3.375
# RUN: rrp [1.5, 0, 0.5, 3, 0, 0, 2, 0]
# EXPECT: {"return": null, "args": [1.5, 9, 0.5, 3, 0, 0, 2, 3.375]}
# n = 0: p = 1, nothing flows
# RUN: rrp [1.5, 0, 0.5, 0, 0, 0, 2, 0]
# EXPECT: {"return": null, "args": [1.5, 0, 0.5, 0, 0, 0, 2, 0]}
