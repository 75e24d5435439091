# Python integer literal forms: decimal, 0x, 0o, 0b, with _ separators; the largest literal is
# 2147483647, and the smallest int is written -2147483647 - 1.

def forms(r : Out[Array[int]]):
    r[0] = 42
    r[1] = 0x2A
    r[2] = 0o52
    r[3] = 0b101010
    r[4] = 1_000_000
    r[5] = 0xFF_FF
    r[6] = 2147483647
    r[7] = -2147483647 - 1
    r[8] = 0
    r[9] = 0X1f + 0O7 + 0B11

# 0x2A = 0o52 = 0b101010 = 42; 0xFFFF = 65535; 0x1f + 0o7 + 0b11 = 31 + 7 + 3 = 41
# RUN: forms [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]
# EXPECT: {"return": null, "args": [[42, 42, 42, 42, 1000000, 65535, 2147483647, -2147483648, 0, 41]]}
