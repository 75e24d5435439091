# Symplectic Euler time-stepping of a pendulum, scalars only (while)
def pendulum(theta0 : In[float], omega0 : In[float], g : In[float], L : In[float],
             dt : In[float], steps : In[int]) -> float:
    theta : float = theta0
    omega : float = omega0
    i : int
    while (i < steps, max_iter := 1000000):
        omega = omega - dt * g / L * sin(theta)
        theta = theta + dt * omega
        i = i + 1
    return theta

d_pendulum = fwd_diff(pendulum)
r_pendulum = rev_diff(pendulum)
