# Indentation follows Python's tokenizer: a tab advances to the next multiple of 8. A body
# indented by four spaces and a tab (column 8) under a header at column 4 is legal.

def tabs(n : In[int]) -> int:
    c : int
    for i in range(n):
    	c = c + i
    	c = c + 1
    return c

# sum of (i + 1) for i < 4 = 1 + 2 + 3 + 4 = 10
# RUN: tabs [4]
# EXPECT: {"return": 10, "args": [4]}

def tab_only(x : In[float]) -> float:
	y : float = x * 2.0
	return y

# a body indented by one tab only
# RUN: tab_only [1.25]
# EXPECT: {"return": 2.5, "args": [1.25]}
