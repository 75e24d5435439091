# Recursive structs, directly or through arrays (position: the member that recurses).

class Node:
    val : float
    next : Node

class Tree:
    val : float
    kids : Array[Tree]

# Expected diagnostics of `lomaw check` (LINE:COL code):
# ERROR: 5:5 bad-struct
# ERROR: 9:5 bad-struct
