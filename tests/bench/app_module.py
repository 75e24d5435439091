"""A 300-line module the way loma users write them, for the app's keystroke benchmark
(bench_gui): structs, several functions calling each other, while loops with max_iter,
OpenMP parallel loops, fwd_diff and rev_diff declarations, and an @openMpi loss-gradient
function. bench_gui types into the number on the line marked "bench: typed here".
"""

class Particle:
    pos : Array[float, 3]
    vel : Array[float, 3]
    mass : float

class Spring:
    k : float
    rest : float

class Fit:
    a : float
    b : float
    c : float

# ---------------------------------------------------------------- scalar helpers

def smooth_abs(x : In[float], eps : In[float]) -> float:
    return sqrt(x * x + eps * eps) - eps

def soft_clip(x : In[float], lo : In[float], hi : In[float]) -> float:
    y : float = x
    if y < lo:
        y = lo + 0.1 * (y - lo)
    elif y > hi:
        y = hi + 0.1 * (y - hi)
    return y

def poly3(x : In[float], c0 : In[float], c1 : In[float], c2 : In[float], c3 : In[float]) -> float:
    return c0 + x * (c1 + x * (c2 + x * c3))

def newton_sqrt(a : In[float]) -> float:
    x : float = a + 1.0
    i : int = 0
    while (i < 12, max_iter := 12):
        x = 0.5 * (x + a / x)
        i = i + 1
    return x

def newton_cbrt(a : In[float]) -> float:
    x : float = a * 0.5 + 1.0
    i : int = 0
    while (i < 16, max_iter := 16):
        x = x - (x * x * x - a) / (3.0 * x * x)
        i = i + 1
    return x

d_newton_sqrt = fwd_diff(newton_sqrt)
r_newton_sqrt = rev_diff(newton_sqrt)
r_newton_cbrt = rev_diff(newton_cbrt)

# ---------------------------------------------------------------- particles and springs

def kinetic(p : In[Particle]) -> float:
    v2 : float = p.vel[0] * p.vel[0] + p.vel[1] * p.vel[1] + p.vel[2] * p.vel[2]
    return 0.5 * p.mass * v2

def distance(a : In[Particle], b : In[Particle]) -> float:
    dx : float = a.pos[0] - b.pos[0]
    dy : float = a.pos[1] - b.pos[1]
    dz : float = a.pos[2] - b.pos[2]
    return sqrt(dx * dx + dy * dy + dz * dz + 0.000001)

def spring_energy(a : In[Particle], b : In[Particle], s : In[Spring]) -> float:
    d : float = distance(a, b) - s.rest
    return 0.5 * s.k * d * d

def total_energy(ps : In[Array[Particle]], n : In[int], s : In[Spring]) -> float:
    e : float
    i : int = 0
    while (i < n, max_iter := 1000):
        e = e + kinetic(ps[i])
        if i > 0:
            e = e + spring_energy(ps[i - 1], ps[i], s)
        i = i + 1
    return e

r_total_energy = rev_diff(total_energy)
d_kinetic = fwd_diff(kinetic)

def chain_step(ps : In[Array[Particle]], n : In[int], s : In[Spring], dt : In[float],
               out : Out[Array[Particle]]):
    i : int = 0
    j : int
    f : float
    while (i < n, max_iter := 1000):
        j = 0
        while (j < 3, max_iter := 3):
            f = 0.0
            if i > 0:
                f = f - s.k * (ps[i].pos[j] - ps[i - 1].pos[j])
            if i < n - 1:
                f = f + s.k * (ps[i + 1].pos[j] - ps[i].pos[j])
            out[i].vel[j] = ps[i].vel[j] + dt * f / ps[i].mass
            out[i].pos[j] = ps[i].pos[j] + dt * out[i].vel[j]
            j = j + 1
        out[i].mass = ps[i].mass
        i = i + 1

# ---------------------------------------------------------------- stencils (OpenMP)

def smooth(u : In[Array[float]], v : Out[Array[float]], n : In[int]) -> float:
    s : float
    t : float
    #pragma omp parallel for shared(u, v) reduction(+:s) private(t)
    for i in range(1, n - 1):
        t = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]
        v[i] = t
        s = s + t * t
    return s

d_smooth = rev_diff(smooth)

def roughness(u : In[Array[float]], n : In[int]) -> float:
    r : float
    i : int = 1
    d : float
    while (i < n - 1, max_iter := 100000):
        d = u[i - 1] - 2.0 * u[i] + u[i + 1]
        r = r + d * d
        i = i + 1
    return r

r_roughness = rev_diff(roughness)

def weighted(u : In[Array[float]], w : In[Array[float]], v : Out[Array[float]], n : In[int]):
    #pragma omp parallel for
    for i in range(n):
        v[i] = w[i] * u[i] * u[i] + sin(u[i]) * cos(w[i])

d_weighted = rev_diff(weighted)

def laplace_sweep(u : In[Array[float]], v : Out[Array[float]], n : In[int], h : In[float]):
    inv : float = 1.0 / (h * h)
    #pragma omp parallel for
    for i in range(1, n - 1):
        v[i] = (u[i - 1] - 2.0 * u[i] + u[i + 1]) * inv

def heat(u : In[Array[float]], n : In[int], steps : In[int], dt : In[float]) -> float:
    a : Array[float, 256]
    b : Array[float, 256]
    k : int = 0
    t : int = 0
    e : float
    while (k < n, max_iter := 256):
        a[k] = u[k]
        k = k + 1
    while (t < steps, max_iter := 50):
        k = 1
        while (k < n - 1, max_iter := 256):
            b[k] = a[k] + dt * (a[k - 1] - 2.0 * a[k] + a[k + 1])
            k = k + 1
        k = 1
        while (k < n - 1, max_iter := 256):
            a[k] = b[k]
            k = k + 1
        t = t + 1
    k = 0
    while (k < n, max_iter := 256):
        e = e + a[k] * a[k]
        k = k + 1
    return e

r_heat = rev_diff(heat)

# ---------------------------------------------------------------- fitting

def model(f : In[Fit], x : In[float]) -> float:
    return f.a * exp(f.b * x) + f.c

def point_loss(f : In[Fit], x : In[float], y : In[float]) -> float:
    r : float = model(f, x) - y
    return r * r

r_point_loss = rev_diff(point_loss)

def data_loss(f : In[Fit], xs : In[Array[float]], ys : In[Array[float]], n : In[int]) -> float:
    l : float
    i : int = 0
    while (i < n, max_iter := 10000):
        l = l + point_loss(f, xs[i], ys[i])
        i = i + 1
    return l / int2float(n)

r_data_loss = rev_diff(data_loss)

@openMpi
def fit_loss_grad(p : In[Array[float]], xs : In[Array[float]], ys : In[Array[float]], n : In[int],
                  grad : Out[Array[float]]) -> float:
    f : Fit
    df : Fit
    dxs : Array[float, 1]
    dys : Array[float, 1]
    dn : int
    f.a = p[0]
    f.b = p[1]
    f.c = p[2]
    r_data_loss(f, df, xs, dxs, ys, dys, n, dn, 1.0)
    grad[0] = df.a
    grad[1] = df.b
    grad[2] = df.c
    return data_loss(f, xs, ys, n)

# ---------------------------------------------------------------- a small neural layer

def layer(x : In[Array[float]], w : In[Array[float]], b : In[Array[float]], y : Out[Array[float]],
          nin : In[int], nout : In[int]):
    o : int = 0
    i : int
    acc : float
    while (o < nout, max_iter := 64):
        acc = b[o]
        i = 0
        while (i < nin, max_iter := 64):
            acc = acc + w[o * nin + i] * x[i]
            i = i + 1
        y[o] = tanh(acc)
        o = o + 1

def tanh(z : In[float]) -> float:
    e : float = exp(2.0 * z)
    return (e - 1.0) / (e + 1.0)

def net_loss(x : In[Array[float]], w : In[Array[float]], b : In[Array[float]], target : In[Array[float]],
             nin : In[int], nout : In[int]) -> float:
    y : Array[float, 64]
    l : float
    o : int = 0
    layer(x, w, b, y, nin, nout)
    while (o < nout, max_iter := 64):
        l = l + 0.5 * (y[o] - target[o]) * (y[o] - target[o])
        o = o + 1
    return l

r_net_loss = rev_diff(net_loss)

# ---------------------------------------------------------------- descent drivers

def rosen(x : In[float], y : In[float]) -> float:
    return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x)

d_rosen = fwd_diff(rosen)
r_rosen = rev_diff(rosen)

def descend_rosen(x0 : In[float], y0 : In[float], rate : In[float], steps : In[int]) -> float:
    x : float = x0
    y : float = y0
    dx : float
    dy : float
    k : int = 0
    while (k < steps, max_iter := 100000):
        dx = 0.0
        dy = 0.0
        r_rosen(x, dx, y, dy, 1.0)
        x = x - rate * dx
        y = y - rate * dy
        k = k + 1
    return rosen(x, y)

def energy_profile(u : In[Array[float]], n : In[int], out : Out[Array[float]]) -> float:
    total : float
    e : float
    #pragma omp parallel for reduction(+:total) private(e)
    for i in range(n):
        e = smooth_abs(u[i], 0.01) + soft_clip(u[i], -1.0, 1.0)
        out[i] = e
        total = total + e
    return total

d_energy_profile = rev_diff(energy_profile)

def series(x : In[float], terms : In[int]) -> float:
    s : float
    t : float = 1.0
    k : int = 1
    while (k < terms, max_iter := 40):
        s = s + t
        t = t * x * 0.5 / int2float(k)  # bench: typed here
        k = k + 1
    return s + poly3(x, 1.0, 0.5, 0.25, 0.125)

d_series = fwd_diff(series)
r_series = rev_diff(series)

def cost(u : In[Array[float]], n : In[int], x : In[float]) -> float:
    c : float = roughness(u, n) + series(x, 20)
    c = c + newton_sqrt(c * c + 1.0) + newton_cbrt(c + 2.0)
    return c

r_cost = rev_diff(cost)

# RUN: newton_sqrt [4.0]
# RUN: series [0.5, 10]
