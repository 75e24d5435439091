# Nested structs, declared in any order (Segment uses Point, declared later).

class Segment:
    a : Point
    b : Point
    weight : int

class Point:
    x : float
    y : float

def length2(s : In[Segment]) -> float:
    dx : float = s.b.x - s.a.x
    dy : float = s.b.y - s.a.y
    return (dx * dx + dy * dy) * s.weight

# (4 - 1)^2 + (6 - 2)^2 = 9 + 16 = 25, times weight 2 = 50
# RUN: length2 [{"a": {"x": 1, "y": 2}, "b": {"x": 4, "y": 6}, "weight": 2}]
# EXPECT: {"return": 50.0, "args": [{"a": {"x": 1, "y": 2}, "b": {"x": 4, "y": 6}, "weight": 2}]}

def swap_ends(s : In[Segment]) -> Segment:
    t : Segment = s
    t.a = s.b
    t.b = s.a
    return t

# whole nested members are copied
# RUN: swap_ends [{"a": {"x": 1, "y": 2}, "b": {"x": 4, "y": 6}, "weight": 3}]
# EXPECT: {"return": {"a": {"x": 4, "y": 6}, "b": {"x": 1, "y": 2}, "weight": 3}, "args": [{"a": {"x": 1, "y": 2}, "b": {"x": 4, "y": 6}, "weight": 3}]}
