"""Structs, nested arrays and member access."""

import math
from os import path

class Particle:
    pos : Array[float, 3]
    vel : Array[float, 3]
    mass : float
    id : int
    tag : Tag

class Tag:
    grid : Array[Array[float, 4], 3]
    rows : Array[Array[float]]
    others : Array[Particle]

def kinetic(p : In[Particle]) -> float:
    v2 : float = p.vel[0] * p.vel[0] + p.vel[1] * p.vel[1] + p.vel[2] * p.vel[2]
    return 0.5 * p.mass * v2

def total(ps : In[Array[Particle]], n : In[int], each : Out[Array[float]]) -> float:
    e : float
    i : int = 0
    while (i < n, max_iter := 1000):
        each[i] = kinetic(ps[i])
        e = e + each[i]
        i = i + 1
    return e

def first_row(t : In[Tag], out : Out[Array[float, 4]]):
    out[0] = t.grid[0][0]
    out[1] = t.others[2].pos[1] + t.rows[1][2]
