"""Module docstring: allowed as the first statement and ignored.

Non-ASCII is fine here: Δx, ∂f/∂x.
"""
# A comment line — non-ASCII in comments is fine too: π ≈ 3.14159

class Box:  # trailing comment on a class header
    # comment between members
    w : float   # width
    h : float

    # blank lines and comments never affect indentation
def area(b : In[Box]) -> float:   # comment after a header
    # comment at the start of a body
    a : float = b.w * b.h     # trailing comment
        # a comment indented deeper than the block is still just a comment
# a comment in column 1 inside the body
    return a

# 2.5 * 4 = 10
# RUN: area [{"w": 2.5, "h": 4.0}]
# EXPECT: {"return": 10.0, "args": [{"w": 2.5, "h": 4}]}
