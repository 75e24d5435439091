# Forward mode keeps the short circuit of `and` / `or` (docs/language.md §3.4) when the right
# operand calls a function: the call (here a division by n) must not run when the left operand
# decides. Before, its derivative call was hoisted in front of the statement and divided by
# zero (runtime error, exit 3) where the primal does not.
# pick(x, n) = x*x when n == 0 or 10/n > 2, else x: derivative 2x or 1.
# keep(x, n) = x*x when n > 0 and 10/n > 2, else x.

def tenth(n : In[int]) -> int:
    return 10 / n

def pick(x : In[float], n : In[int]) -> float:
    r : float = x
    if n == 0 or tenth(n) > 2:
        r = x * x
    return r

def keep(x : In[float], n : In[int]) -> float:
    r : float = x
    if n > 0 and tenth(n) > 2:
        r = x * x
    return r

d_pick = fwd_diff(pick)
d_keep = fwd_diff(keep)

# n = 0: the left operand decides, 9 and 2*3 = 6
# RUN: d_pick [{"val": 3, "dval": 1}, 0]
# EXPECT: {"return": {"val": 9, "dval": 6}, "args": [{"val": 3, "dval": 1}, 0]}
# n = 5: 10/5 = 2 is not > 2: r = x, 3 and 1
# RUN: d_pick [{"val": 3, "dval": 1}, 5]
# EXPECT: {"return": {"val": 3, "dval": 1}, "args": [{"val": 3, "dval": 1}, 5]}
# n = 2: 10/2 = 5 > 2: 9 and 6
# RUN: d_pick [{"val": 3, "dval": 1}, 2]
# EXPECT: {"return": {"val": 9, "dval": 6}, "args": [{"val": 3, "dval": 1}, 2]}
# n = 0: the left operand decides (false): r = x
# RUN: d_keep [{"val": 3, "dval": 1}, 0]
# EXPECT: {"return": {"val": 3, "dval": 1}, "args": [{"val": 3, "dval": 1}, 0]}
# n = 4: 10/4 = 2 is not > 2
# RUN: d_keep [{"val": 3, "dval": 1}, 4]
# EXPECT: {"return": {"val": 3, "dval": 1}, "args": [{"val": 3, "dval": 1}, 4]}
# n = 3: 10/3 = 3 > 2: 9 and 6
# RUN: d_keep [{"val": 3, "dval": 1}, 3]
# EXPECT: {"return": {"val": 9, "dval": 6}, "args": [{"val": 3, "dval": 1}, 3]}
