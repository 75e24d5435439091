/* Timing driver for one kernel, selected at compile time with -DK=<n>.
   Times primal, forward (d_f, tangent 1 on every float input) and reverse (r_f, _dreturn = 1)
   in one process, BEST of NREP runs each (CLOCK_MONOTONIC). */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>
typedef struct { float val; float dval; } _dfloat;
#ifndef NREP
#define NREP 21
#endif
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+1e-9*t.tv_nsec;}
#define BEST(var, stmt) { double b_ = 1e9; for (int r_ = 0; r_ < NREP; ++r_) { double t_ = now(); stmt; t_ = now() - t_; if (t_ < b_) b_ = t_; } var = b_; }
static volatile float sink;
static float* farr(int n, int seed) { float* a = malloc(sizeof(float) * (size_t)n); for (int k = 0; k < n; ++k) a[k] = (float)((int)(((long long)k * 7919 + (long long)seed * 104729) % 2001) - 1000) * 1e-3f; return a; }
static float* zarr(int n) { return calloc((size_t)n, sizeof(float)); }
static float tw(long k) { return 0.5f + (float)((k * 37) % 101) / 100.0f; } /* tangent / weight pattern */
static _dfloat* darr(const float* a, int n) { _dfloat* d = malloc(sizeof(_dfloat) * (size_t)n); for (int k = 0; k < n; ++k) { d[k].val = a[k]; d[k].dval = tw(k); } return d; }
static _dfloat D(float v) { _dfloat d = {v, 1.0f}; return d; }
static double sumf(const float* a, int n) { double t = 0; for (int k = 0; k < n; ++k) t += (double)a[k] * tw(k); return t; } /* <grad, tangent> */
/* Full-size consistency check before timing: with tangent tw(k) on element k of every float array
   input (1 on float scalars), the forward derivative's dval must equal <reverse gradient, tangent>. */
static void check(const char* name, double fwd, double rev) {
  double rel = fabs(fwd - rev) / fmax(1e-30, fmax(fabs(fwd), fabs(rev)));
  fprintf(stderr, "check %-14s fwd.dval %.7g  sum(rev grad) %.7g  rel.diff %.2e%s\n", name, fwd, rev, rel, rel > 1e-3 ? "  <-- DISAGREE" : "");
}
#define REPORT(name, form, size) printf("%-14s %-6s %-22s primal %9.3f ms  fwd %9.3f ms  rev %9.3f ms  fwd/primal %6.2f  rev/primal %6.2f\n", name, form, size, t0*1e3, t1*1e3, t2*1e3, t1/t0, t2/t0)

#if K == 1
float conv1d(float* x, float* w, int n, int k);
_dfloat d_conv1d(_dfloat* x, _dfloat* w, int n, int k);
void r_conv1d(float* x, float* _dx, float* w, float* _dw, int n, int* _dn, int k, int* _dk, float _dreturn);
int main(void) {
  int n = 100000, k = 9, dn = 0, dk = 0; double t0, t1, t2;
  float *x = farr(n, 1), *w = farr(k, 2), *dx = zarr(n), *dw = zarr(k);
  _dfloat *X = darr(x, n), *W = darr(w, k);
  { double fv = d_conv1d(X, W, n, k).dval; memset(dx, 0, 4*n); memset(dw, 0, 4*k); r_conv1d(x, dx, w, dw, n, &dn, k, &dk, 1.0f); check("conv1d", fv, sumf(dx, n) + sumf(dw, k)); memset(dx, 0, 4*n); memset(dw, 0, 4*k); }
  BEST(t0, sink = conv1d(x, w, n, k)); BEST(t1, sink = d_conv1d(X, W, n, k).dval);
  BEST(t2, r_conv1d(x, dx, w, dw, n, &dn, k, &dk, 1.0f));
  REPORT("conv1d", "for", "n=1e5,k=9"); return 0;
}
#elif K == 2
float logreg(float* X, float* y, float* w, float b, int n, int d);
_dfloat d_logreg(_dfloat* X, _dfloat* y, _dfloat* w, _dfloat b, int n, int d);
void r_logreg(float* X, float* _dX, float* y, float* _dy, float* w, float* _dw, float b, float* _db, int n, int* _dn, int d, int* _dd, float _dreturn);
int main(void) {
  int n = 20000, d = 32, dn = 0, dd = 0; double t0, t1, t2; float db = 0;
  float *X = farr(n * d, 1), *y = farr(n, 2), *w = farr(d, 3), *dX = zarr(n * d), *dy = zarr(n), *dw = zarr(d);
  for (int i = 0; i < n; ++i) y[i] = (i % 3) ? 1.0f : -1.0f;
  _dfloat *XX = darr(X, n * d), *Y = darr(y, n), *W = darr(w, d);
  { double fv = d_logreg(XX, Y, W, D(0.1f), n, d).dval; memset(dX,0,4*n*d); memset(dy,0,4*n); memset(dw,0,4*d); db = 0; r_logreg(X, dX, y, dy, w, dw, 0.1f, &db, n, &dn, d, &dd, 1.0f); check("logreg", fv, sumf(dX, n*d) + sumf(dy, n) + sumf(dw, d) + db); memset(dX,0,4*n*d); memset(dy,0,4*n); memset(dw,0,4*d); db = 0; }
  BEST(t0, sink = logreg(X, y, w, 0.1f, n, d)); BEST(t1, sink = d_logreg(XX, Y, W, D(0.1f), n, d).dval);
  BEST(t2, r_logreg(X, dX, y, dy, w, dw, 0.1f, &db, n, &dn, d, &dd, 1.0f));
  REPORT("logreg", "while", "n=2e4,d=32"); return 0;
}
#elif K == 3
float matmul_energy(float* A, float* B, int n);
_dfloat d_matmul_energy(_dfloat* A, _dfloat* B, int n);
void r_matmul_energy(float* A, float* _dA, float* B, float* _dB, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 100, dn = 0; double t0, t1, t2;
  float *A = farr(n * n, 1), *B = farr(n * n, 2), *dA = zarr(n * n), *dB = zarr(n * n);
  _dfloat *AA = darr(A, n * n), *BB = darr(B, n * n);
  { double fv = d_matmul_energy(AA, BB, n).dval; memset(dA,0,4*n*n); memset(dB,0,4*n*n); r_matmul_energy(A, dA, B, dB, n, &dn, 1.0f); check("matmul_energy", fv, sumf(dA, n*n) + sumf(dB, n*n)); memset(dA,0,4*n*n); memset(dB,0,4*n*n); }
  BEST(t0, sink = matmul_energy(A, B, n)); BEST(t1, sink = d_matmul_energy(AA, BB, n).dval);
  BEST(t2, r_matmul_energy(A, dA, B, dB, n, &dn, 1.0f));
  REPORT("matmul_energy", "for", "n=100 (1e6 MAC)"); return 0;
}
#elif K == 4
float nbody(float* px, float* py, float* pz, float* m, int n);
_dfloat d_nbody(_dfloat* px, _dfloat* py, _dfloat* pz, _dfloat* m, int n);
void r_nbody(float* px, float* _dpx, float* py, float* _dpy, float* pz, float* _dpz, float* m, float* _dm, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 1000, dn = 0; double t0, t1, t2;
  float *px = farr(n, 1), *py = farr(n, 2), *pz = farr(n, 3), *m = farr(n, 4);
  float *dpx = zarr(n), *dpy = zarr(n), *dpz = zarr(n), *dm = zarr(n);
  for (int i = 0; i < n; ++i) m[i] = 1.0f + 0.5f * m[i];
  _dfloat *PX = darr(px, n), *PY = darr(py, n), *PZ = darr(pz, n), *M = darr(m, n);
  { double fv = d_nbody(PX, PY, PZ, M, n).dval; memset(dpx,0,4*n); memset(dpy,0,4*n); memset(dpz,0,4*n); memset(dm,0,4*n); r_nbody(px, dpx, py, dpy, pz, dpz, m, dm, n, &dn, 1.0f); check("nbody", fv, sumf(dpx,n)+sumf(dpy,n)+sumf(dpz,n)+sumf(dm,n)); memset(dpx,0,4*n); memset(dpy,0,4*n); memset(dpz,0,4*n); memset(dm,0,4*n); }
  BEST(t0, sink = nbody(px, py, pz, m, n)); BEST(t1, sink = d_nbody(PX, PY, PZ, M, n).dval);
  BEST(t2, r_nbody(px, dpx, py, dpy, pz, dpz, m, dm, n, &dn, 1.0f));
  REPORT("nbody", "while", "n=1000 (5e5 pairs)"); return 0;
}
#elif K == 5
float horner(float* x, float* c, int n, int deg);
_dfloat d_horner(_dfloat* x, _dfloat* c, int n, int deg);
void r_horner(float* x, float* _dx, float* c, float* _dc, int n, int* _dn, int deg, int* _ddeg, float _dreturn);
int main(void) {
  int n = 100000, deg = 8, dn = 0, ddeg = 0; double t0, t1, t2;
  float *x = farr(n, 1), *c = farr(deg + 1, 2), *dx = zarr(n), *dc = zarr(deg + 1);
  _dfloat *X = darr(x, n), *C = darr(c, deg + 1);
  { double fv = d_horner(X, C, n, deg).dval; memset(dx,0,4*n); memset(dc,0,4*(deg+1)); r_horner(x, dx, c, dc, n, &dn, deg, &ddeg, 1.0f); check("horner", fv, sumf(dx,n)+sumf(dc,deg+1)); memset(dx,0,4*n); memset(dc,0,4*(deg+1)); }
  BEST(t0, sink = horner(x, c, n, deg)); BEST(t1, sink = d_horner(X, C, n, deg).dval);
  BEST(t2, r_horner(x, dx, c, dc, n, &dn, deg, &ddeg, 1.0f));
  REPORT("horner", "for", "n=1e5,deg=8"); return 0;
}
#elif K == 6
float iir(float* x, float a, float* y, int n);
_dfloat d_iir(_dfloat* x, _dfloat a, _dfloat* y, int n);
void r_iir(float* x, float* _dx, float a, float* _da, float* _dy, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 1000000, dn = 0; double t0, t1, t2; float da = 0;
  float *x = farr(n, 1), *y = zarr(n), *dx = zarr(n), *dy = zarr(n);
  _dfloat *X = darr(x, n), *Y = darr(y, n);
  { double fv = d_iir(X, D(0.9f), Y, n).dval; memset(dx,0,4*n); memset(dy,0,4*n); da = 0; r_iir(x, dx, 0.9f, &da, dy, n, &dn, 1.0f); check("iir", fv, sumf(dx,n)+da); memset(dx,0,4*n); memset(dy,0,4*n); da = 0; }
  BEST(t0, sink = iir(x, 0.9f, y, n)); BEST(t1, sink = d_iir(X, D(0.9f), Y, n).dval);
  BEST(t2, r_iir(x, dx, 0.9f, &da, dy, n, &dn, 1.0f));
  REPORT("iir", "while", "n=1e6"); return 0;
}
#elif K == 7
float pendulum(float theta0, float omega0, float g, float L, float dt, int steps);
_dfloat d_pendulum(_dfloat theta0, _dfloat omega0, _dfloat g, _dfloat L, _dfloat dt, int steps);
void r_pendulum(float theta0, float* _dtheta0, float omega0, float* _domega0, float g, float* _dg, float L, float* _dL, float dt, float* _ddt, int steps, int* _dsteps, float _dreturn);
int main(void) {
  int steps = 1000000, ds = 0; double t0, t1, t2; float a = 0, b = 0, c = 0, d = 0, e = 0;
  { double fv = d_pendulum(D(0.5f), D(0.1f), D(9.81f), D(1.0f), D(1e-4f), steps).dval; a=b=c=d=e=0; r_pendulum(0.5f, &a, 0.1f, &b, 9.81f, &c, 1.0f, &d, 1e-4f, &e, steps, &ds, 1.0f); check("pendulum", fv, (double)a+b+c+d+e); a=b=c=d=e=0; }
  BEST(t0, sink = pendulum(0.5f, 0.1f, 9.81f, 1.0f, 1e-4f, steps));
  BEST(t1, sink = d_pendulum(D(0.5f), D(0.1f), D(9.81f), D(1.0f), D(1e-4f), steps).dval);
  BEST(t2, r_pendulum(0.5f, &a, 0.1f, &b, 9.81f, &c, 1.0f, &d, 1e-4f, &e, steps, &ds, 1.0f));
  REPORT("pendulum", "while", "1e6 steps"); return 0;
}
#elif K == 8
float relu_loss(float* x, float* t, float w, float b, int n);
_dfloat d_relu_loss(_dfloat* x, _dfloat* t, _dfloat w, _dfloat b, int n);
void r_relu_loss(float* x, float* _dx, float* t, float* _dt, float w, float* _dw, float b, float* _db, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 1000000, dn = 0; double t0, t1, t2; float dw = 0, db = 0;
  float *x = farr(n, 1), *t = farr(n, 2), *dx = zarr(n), *dt = zarr(n);
  _dfloat *X = darr(x, n), *T = darr(t, n);
  { double fv = d_relu_loss(X, T, D(0.7f), D(-0.1f), n).dval; memset(dx,0,4*n); memset(dt,0,4*n); dw=db=0; r_relu_loss(x, dx, t, dt, 0.7f, &dw, -0.1f, &db, n, &dn, 1.0f); check("relu_loss", fv, sumf(dx,n)+sumf(dt,n)+dw+db); memset(dx,0,4*n); memset(dt,0,4*n); dw=db=0; }
  BEST(t0, sink = relu_loss(x, t, 0.7f, -0.1f, n)); BEST(t1, sink = d_relu_loss(X, T, D(0.7f), D(-0.1f), n).dval);
  BEST(t2, r_relu_loss(x, dx, t, dt, 0.7f, &dw, -0.1f, &db, n, &dn, 1.0f));
  REPORT("relu_loss", "for", "n=1e6"); return 0;
}
#elif K == 9
float softmax_ce(float* z, int label, int n);
_dfloat d_softmax_ce(_dfloat* z, int label, int n);
void r_softmax_ce(float* z, float* _dz, int label, int* _dlabel, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 1000000, dn = 0, dl = 0; double t0, t1, t2;
  float *z = farr(n, 1), *dz = zarr(n);
  for (int i = 0; i < n; ++i) z[i] *= 5.0f;
  _dfloat *Z = darr(z, n);
  { double fv = d_softmax_ce(Z, 17, n).dval; memset(dz,0,4*n); r_softmax_ce(z, dz, 17, &dl, n, &dn, 1.0f); check("softmax_ce", fv, sumf(dz,n)); { double mx = z[0], S = 0, St = 0; for (int i = 1; i < n; ++i) if (z[i] > mx) mx = z[i]; for (int i = 0; i < n; ++i) { double e_ = exp((double)z[i] - mx); S += e_; St += e_ * tw(i); } fprintf(stderr, "      softmax_ce: double-precision directional derivative %.7g\n", St / S - tw(17)); } memset(dz,0,4*n); }
  BEST(t0, sink = softmax_ce(z, 17, n)); BEST(t1, sink = d_softmax_ce(Z, 17, n).dval);
  BEST(t2, r_softmax_ce(z, dz, 17, &dl, n, &dn, 1.0f));
  REPORT("softmax_ce", "while", "n=1e6"); return 0;
}
#elif K == 10
float stencil9(float* u, int n);
_dfloat d_stencil9(_dfloat* u, int n);
void r_stencil9(float* u, float* _du, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 512, dn = 0; double t0, t1, t2;
  float *u = farr(n * n, 1), *du = zarr(n * n);
  _dfloat *U = darr(u, n * n);
  { double fv = d_stencil9(U, n).dval; memset(du,0,4*n*n); r_stencil9(u, du, n, &dn, 1.0f); check("stencil9", fv, sumf(du,n*n)); memset(du,0,4*n*n); }
  BEST(t0, sink = stencil9(u, n)); BEST(t1, sink = d_stencil9(U, n).dval);
  BEST(t2, r_stencil9(u, du, n, &dn, 1.0f));
  REPORT("stencil9", "for", "512x512"); return 0;
}
#elif K == 11
float tv_loss(float* x, float* f, float lam, float eps, int n);
_dfloat d_tv_loss(_dfloat* x, _dfloat* f, _dfloat lam, _dfloat eps, int n);
void r_tv_loss(float* x, float* _dx, float* f, float* _df, float lam, float* _dlam, float eps, float* _deps, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 1000000, dn = 0; double t0, t1, t2; float dl = 0, de = 0;
  float *x = farr(n, 1), *f = farr(n, 2), *dx = zarr(n), *df = zarr(n);
  _dfloat *X = darr(x, n), *F = darr(f, n);
  { double fv = d_tv_loss(X, F, D(0.3f), D(1e-3f), n).dval; memset(dx,0,4*n); memset(df,0,4*n); dl=de=0; r_tv_loss(x, dx, f, df, 0.3f, &dl, 1e-3f, &de, n, &dn, 1.0f); check("tv_loss", fv, sumf(dx,n)+sumf(df,n)+dl+de); { double rl = 0, re = 0; for (int i = 0; i < n - 1; ++i) { double dd = (double)x[i+1] - x[i]; double q = sqrt(dd*dd + 1e-3f); rl += q; re += 0.3f * 0.5 / q; } fprintf(stderr, "      tv_loss: float32 _dlam %.7g vs double %.7g; _deps %.7g vs double %.7g\n", dl, rl, de, re); } memset(dx,0,4*n); memset(df,0,4*n); dl=de=0; }
  BEST(t0, sink = tv_loss(x, f, 0.3f, 1e-3f, n)); BEST(t1, sink = d_tv_loss(X, F, D(0.3f), D(1e-3f), n).dval);
  BEST(t2, r_tv_loss(x, dx, f, df, 0.3f, &dl, 1e-3f, &de, n, &dn, 1.0f));
  REPORT("tv_loss", "while", "n=1e6"); return 0;
}
#elif K == 12
float kmeans_cost(float* px, float* py, float* cx, float* cy, int n, int k);
_dfloat d_kmeans_cost(_dfloat* px, _dfloat* py, _dfloat* cx, _dfloat* cy, int n, int k);
void r_kmeans_cost(float* px, float* _dpx, float* py, float* _dpy, float* cx, float* _dcx, float* cy, float* _dcy, int n, int* _dn, int k, int* _dk, float _dreturn);
int main(void) {
  int n = 20000, k = 16, dn = 0, dk = 0; double t0, t1, t2;
  float *px = farr(n, 1), *py = farr(n, 2), *cx = farr(k, 3), *cy = farr(k, 4);
  float *dpx = zarr(n), *dpy = zarr(n), *dcx = zarr(k), *dcy = zarr(k);
  _dfloat *PX = darr(px, n), *PY = darr(py, n), *CX = darr(cx, k), *CY = darr(cy, k);
  { double fv = d_kmeans_cost(PX, PY, CX, CY, n, k).dval; memset(dpx,0,4*n); memset(dpy,0,4*n); memset(dcx,0,4*k); memset(dcy,0,4*k); r_kmeans_cost(px, dpx, py, dpy, cx, dcx, cy, dcy, n, &dn, k, &dk, 1.0f); check("kmeans_cost", fv, sumf(dpx,n)+sumf(dpy,n)+sumf(dcx,k)+sumf(dcy,k)); memset(dpx,0,4*n); memset(dpy,0,4*n); memset(dcx,0,4*k); memset(dcy,0,4*k); }
  BEST(t0, sink = kmeans_cost(px, py, cx, cy, n, k)); BEST(t1, sink = d_kmeans_cost(PX, PY, CX, CY, n, k).dval);
  BEST(t2, r_kmeans_cost(px, dpx, py, dpy, cx, dcx, cy, dcy, n, &dn, k, &dk, 1.0f));
  REPORT("kmeans_cost", "for", "n=2e4,k=16"); return 0;
}
#elif K == 13
float heat(float* u0, float r, int n, int steps);
_dfloat d_heat(_dfloat* u0, _dfloat r, int n, int steps);
void r_heat(float* u0, float* _du0, float r, float* _dr, int n, int* _dn, int steps, int* _dsteps, float _dreturn);
int main(void) {
  int n = 1024, steps = 500, dn = 0, ds = 0; double t0, t1, t2; float dr = 0;
  float *u0 = farr(n, 1), *du0 = zarr(n);
  _dfloat *U0 = darr(u0, n);
  { double fv = d_heat(U0, D(0.2f), n, steps).dval; memset(du0,0,4*n); dr=0; r_heat(u0, du0, 0.2f, &dr, n, &dn, steps, &ds, 1.0f); check("heat", fv, sumf(du0,n)+dr); memset(du0,0,4*n); dr=0; }
  BEST(t0, sink = heat(u0, 0.2f, n, steps)); BEST(t1, sink = d_heat(U0, D(0.2f), n, steps).dval);
  BEST(t2, r_heat(u0, du0, 0.2f, &dr, n, &dn, steps, &ds, 1.0f));
  REPORT("heat", "while", "n=1024,500 steps"); return 0;
}
#elif K == 14
typedef struct { float x, y, vx, vy, m; } Particle;
typedef struct { _dfloat x, y, vx, vy, m; } _dParticle;
float chain_energy(Particle* p, int n, float k, float g);
_dfloat d_chain_energy(_dParticle* p, int n, _dfloat k, _dfloat g);
void r_chain_energy(Particle* p, Particle* _dp, int n, int* _dn, float k, float* _dk, float g, float* _dg, float _dreturn);
int main(void) {
  int n = 200000, dn = 0; double t0, t1, t2; float dk = 0, dg = 0;
  float* a = farr(5 * n, 1);
  Particle* p = malloc(sizeof(Particle) * n); Particle* dp = calloc(n, sizeof(Particle)); _dParticle* P = malloc(sizeof(_dParticle) * n);
  for (int i = 0; i < n; ++i) {
    p[i].x = a[5*i]; p[i].y = a[5*i+1]; p[i].vx = a[5*i+2]; p[i].vy = a[5*i+3]; p[i].m = 1.0f + 0.5f * a[5*i+4];
    P[i].x = D(p[i].x); P[i].y = D(p[i].y); P[i].vx = D(p[i].vx); P[i].vy = D(p[i].vy); P[i].m = D(p[i].m);
    P[i].x.dval = tw(5*i); P[i].y.dval = tw(5*i+1); P[i].vx.dval = tw(5*i+2); P[i].vy.dval = tw(5*i+3); P[i].m.dval = tw(5*i+4);
  }
  { double fv = d_chain_energy(P, n, D(2.0f), D(9.81f)).dval; memset(dp,0,sizeof(Particle)*n); dk=dg=0; r_chain_energy(p, dp, n, &dn, 2.0f, &dk, 9.81f, &dg, 1.0f); check("chain_energy", fv, sumf((float*)dp, 5*n)+dk+dg); { double rk = 0, rg = 0; for (int i = 0; i < n; ++i) rg += (double)p[i].m * p[i].y; for (int i = 0; i < n - 1; ++i) { double ax = (double)p[i+1].x - p[i].x, ay = (double)p[i+1].y - p[i].y; rk += 0.5 * (ax*ax + ay*ay); } fprintf(stderr, "      chain_energy: float32 _dk %.7g vs double %.7g; _dg %.7g vs double %.7g\n", dk, rk, dg, rg); } memset(dp,0,sizeof(Particle)*n); dk=dg=0; }
  BEST(t0, sink = chain_energy(p, n, 2.0f, 9.81f)); BEST(t1, sink = d_chain_energy(P, n, D(2.0f), D(9.81f)).dval);
  BEST(t2, r_chain_energy(p, dp, n, &dn, 2.0f, &dk, 9.81f, &dg, 1.0f));
  REPORT("chain_energy", "for", "n=2e5 structs"); return 0;
}
#elif K == 15
float newton_sqrt_sum(float* x, int n);
_dfloat d_newton_sqrt_sum(_dfloat* x, int n);
void r_newton_sqrt_sum(float* x, float* _dx, int n, int* _dn, float _dreturn);
int main(void) {
  int n = 1000000, dn = 0; double t0, t1, t2;
  float *x = farr(n, 1), *dx = zarr(n);
  for (int i = 0; i < n; ++i) x[i] = 1.5f + x[i];  /* in [0.5, 2.5]: six steps from 1 converge */
  _dfloat *X = darr(x, n);
  { double fv = d_newton_sqrt_sum(X, n).dval; memset(dx, 0, 4*n); r_newton_sqrt_sum(x, dx, n, &dn, 1.0f); check("newton", fv, sumf(dx, n)); memset(dx, 0, 4*n); }
  BEST(t0, sink = newton_sqrt_sum(x, n)); BEST(t1, sink = d_newton_sqrt_sum(X, n).dval);
  BEST(t2, r_newton_sqrt_sum(x, dx, n, &dn, 1.0f));
  REPORT("newton", "while", "n=1e6, 6 steps"); return 0;
}
#endif
