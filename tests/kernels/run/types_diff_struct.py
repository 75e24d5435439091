# The differential types exist in every module without any derivative declaration [ext]:
# Diff[float] is _dfloat {val, dval}, Diff[int] is int, Diff[S] is _dS with the same members.
# (No fwd_diff / rev_diff here: this only uses the types.)

class Foo:
    x : float
    n : int
    v : Array[float, 2]

def dual(x : In[float]) -> float:
    d : Diff[float]
    e : _dfloat
    k : Diff[int] = 7
    d.val = x
    d.dval = 1.0
    e = d
    e.dval = e.dval + k
    return e.val * 100.0 + e.dval + d.dval

# zero-initialised, then d = {x, 1}; e = copy with dval 1 + 7 = 8: 2.5 * 100 + 8 + 1 = 259
# RUN: dual [2.5]
# EXPECT: {"return": 259.0, "args": [2.5]}

def dfoo(f : In[Diff[Foo]]) -> _dfloat:
    r : _dfloat
    r.val = f.x.val + f.v[1].val + f.n
    r.dval = f.x.dval + f.v[1].dval
    return r

# _dFoo members: x : _dfloat, n : int, v : Array[_dfloat, 2]: val 1 + 3 + 5, dval 0.5 + 0.25
# RUN: dfoo [{"x": {"val": 1, "dval": 0.5}, "n": 5, "v": [{"val": 2, "dval": 9}, {"val": 3, "dval": 0.25}]}]
# EXPECT: {"return": {"val": 9, "dval": 0.75}, "args": [{"x": {"val": 1, "dval": 0.5}, "n": 5, "v": [{"val": 2, "dval": 9}, {"val": 3, "dval": 0.25}]}]}

def nested_diff(d : In[Diff[Diff[float]]]) -> float:
    return d.val.val + d.val.dval * 10.0 + d.dval.val * 100.0 + d.dval.dval * 1000.0

# Diff[Diff[float]] is _d_dfloat {val : _dfloat, dval : _dfloat} [ext]: 1 + 20 + 300 + 4000
# RUN: nested_diff [{"val": {"val": 1, "dval": 2}, "dval": {"val": 3, "dval": 4}}]
# EXPECT: {"return": 4321.0, "args": [{"val": {"val": 1, "dval": 2}, "dval": {"val": 3, "dval": 4}}]}
