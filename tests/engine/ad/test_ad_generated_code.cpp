// The shape of generated code where it matters for speed (docs/benchmarks.md, cheap-gradient
// principle) and the reverse-mode cases docs/ad.md once listed as known limits.
#include "AdTestSupport.h"

namespace lomaw::ad::test {
namespace {

TEST(AdGeneratedCode, ForwardTangentOfARepeatedVariableIsFactored) {
    auto d = differentiateSource(R"(
def p(x : In[float]) -> float:
    return x * x * x - 6.0 * x * x

def q(x : In[float], s : In[float]) -> float:
    return s + x * x

d_p = fwd_diff(p)
d_q = fwd_diff(q)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    // d/dx (x^3 - 6x^2) written as a coefficient in primal values times the one tangent.
    EXPECT_EQ(functionText(d, "d_p"),
              "def d_p(x : In[_dfloat]) -> _dfloat:\n"
              "    return make__dfloat(x.val * x.val * x.val - 6.0 * x.val * x.val, "
              "((x.val + x.val) * x.val + x.val * x.val - (6.0 * x.val + 6.0 * x.val)) * x.dval)");
    // x * x alone keeps the product rule (no gain); s' stays the outermost addition.
    EXPECT_EQ(functionText(d, "d_q"),
              "def d_q(x : In[_dfloat], s : In[_dfloat]) -> _dfloat:\n"
              "    return make__dfloat(s.val + x.val * x.val, s.dval + (x.dval * x.val + x.val * x.dval))");
}

TEST(AdGeneratedCode, ForwardQuotientRepeatsTheValueAndMultipliesByTheReciprocal) {
    auto d = differentiateSource(R"(
def q(x : In[float], m : In[float]) -> float:
    return x / m

def h(x : In[float]) -> float:
    return x / 4.0

d_q = fwd_diff(q)
d_h = fwd_diff(h)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    // (x'm - xm')/(mm) as (x' - (x/m)m') * (1/m): x/m is the value, which the C compiler
    // computes once, and 1/m is hoisted out of a loop where m does not change.
    EXPECT_EQ(functionText(d, "d_q"),
              "def d_q(x : In[_dfloat], m : In[_dfloat]) -> _dfloat:\n"
              "    return make__dfloat(x.val / m.val, (x.dval - x.val / m.val * m.dval) * (1.0 / m.val))");
    EXPECT_EQ(functionText(d, "d_h"),
              "def d_h(x : In[_dfloat]) -> _dfloat:\n"
              "    return make__dfloat(x.val / 4.0, x.dval * (1.0 / 4.0))");
}

TEST(AdGeneratedCode, ForwardParallelLoopKeepsItsPragmaWithItsTemporariesPrivate) {
    auto d = differentiateSource(R"(
def g(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for shared(x, y)
    for i in range(n):
        y[i] = (x[i] * 0.7 + sin(x[i]) * cos(x[i])) / (x[i] * x[i] + 1.5) + exp(x[i] * 0.7) / (x[i] * x[i] + 2.0)

d_g = fwd_diff(g)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    // The tangent (more than 64 nodes) goes through a `_part` temporary, the repeated
    // denominators through `_v`, `_v_3` and exp's value (its own derivative) through `_v_2`,
    // declared at the top of the function as every local: listed private, each thread has its
    // own (shared, they made the loop lose its pragma).
    std::string t = functionText(d, "d_g");
    EXPECT_EQ(t.rfind("def d_g(x : In[Array[_dfloat]], y : Out[Array[_dfloat]], n : In[int]):\n"
                      "    _v : float\n"
                      "    _part : float\n"
                      "    _v_2 : float\n"
                      "    _v_3 : float\n"
                      "    #pragma omp parallel for shared(x, y) private(_v, _part, _v_2, _v_3)\n"
                      "    for i in range(n):\n"
                      "        _v = x[i].val * x[i].val + 1.5\n"
                      "        _part = ",
                      0),
              0u)
        << t;
}

// exp and sqrt: the tangent needs the call's own value, computed once into a temporary (the C
// compiler does not merge libm calls: they may set errno).
TEST(AdGeneratedCode, ForwardModeCallsExpAndSqrtOnce) {
    auto d = differentiateSource(R"(
def f(x : In[float]) -> float:
    return log(1.0 + exp(x)) + sqrt(x * x + 1.0)

d_f = fwd_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "d_f"),
              "def d_f(x : In[_dfloat]) -> _dfloat:\n"
              "    _v : float\n"
              "    _v_2 : float\n"
              "    _v = exp(x.val)\n"
              "    _v_2 = sqrt(x.val * x.val + 1.0)\n"
              "    return make__dfloat(log(1.0 + _v) + _v_2, _v * x.dval / (1.0 + _v) + (x.dval * x.val + x.val * x.dval) / "
              "(2.0 * _v_2))");
}

TEST(AdGeneratedCode, ScalarAdjointsInLoopsAccumulateInLocalsAndQuotientAdjointIsHoistable) {
    auto d = differentiateSource(R"(
def f(x : In[Array[float]], n : In[int], m : In[float]) -> float:
    s : float
    for i in range(n):
        s = s + x[i] / m
    return s

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "r_f"),
              "def r_f(x : In[Array[float]], _dx : Out[Array[float]], n : In[int], _dn : Out[int], m : In[float], "
              "_dm : Out[float], _dreturn : In[float]):\n"
              "    _d_m : float\n"
              "    _d_s : float\n"
              "    _d_s = _dreturn\n"
              "    for i in range(n - 1, -1, -1):\n"
              "        _dx[i] = _dx[i] + _d_s / m\n"
              "        _d_m = _d_m + -(_d_s / m / m) * x[i]\n"
              "    _dm = _dm + _d_m");
}

TEST(AdGeneratedCode, StraightLineCodeAccumulatesInALocalSimdCodeIntoTheAdjointParameter) {
    auto d = differentiateSource(R"(
def f(x : In[float], y : In[float]) -> float:
    return x * y

@simd
def k(x : In[Array[float]], m : In[float], z : Out[Array[float]]):
    i : int = thread_id()
    for j in range(3):
        atomic_add(z[i], x[i] * m)

r_f = rev_diff(f)
r_k = rev_diff(k)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    // Straight-line code too: the adjoint output lives in a local (first accumulation an
    // assignment), added through the pointer once at the end.
    EXPECT_NE(t.find("    _d_x = _dreturn * y\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    _dx = _dx + _d_x\n"), std::string::npos) << t;
    std::string k = functionText(d, "r_k");
    EXPECT_NE(k.find("atomic_add(_dm, "), std::string::npos) << k;
    EXPECT_EQ(k.find("_d_m"), std::string::npos) << k;
}

TEST(AdGeneratedCode, CallWritingSomeMembersOfAStructOutArgumentZeroesOnlyTheirAdjoints) {
    auto d = differentiateSource(R"(
class Q:
    a : float
    b : float

def seta(x : In[float], q : Out[Q]):
    q.a = x * x

def h(x : In[float], y : In[float]) -> float:
    q : Q
    q.b = y * 3.0
    seta(x, q)
    return q.a + q.b * x

r_h = rev_diff(h)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_h");
    EXPECT_NE(t.find("    _d_rev_seta(x, _d_x, _d_q)\n    _d_q.a = 0.0\n    q.b = _t_q\n"), std::string::npos) << t;
    EXPECT_EQ(t.find("_d_q.b = 0.0\n    _d_y"), t.find("_d_q.b = 0.0")) << t;  // only when q.b = ... is undone
}

TEST(AdGeneratedCode, OutArrayParameterPassedOnBesideALocalCallsACopyWithoutIt) {
    auto d = differentiateSource(R"(
def h(x : In[float], a : Out[Array[float]], t : Out[float]):
    a[0] = 2.0 * x
    t = x * x

def f(x : In[float], y : Out[Array[float]]) -> float:
    t : float
    h(x, y, t)
    return t * x

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_NE(functionText(d, "r_f").find("    _d_sweep_h(x, t)\n"), std::string::npos) << functionText(d, "r_f");
    EXPECT_EQ(functionText(d, "_d_sweep_h"), "def _d_sweep_h(x : In[float], t : Out[float]):\n    t = x * x");
}

// The adjoint of a denominator: `-(r/y/y) * x` when y does not change in the loop (the C
// compiler hoists r/y/y out of a sum of x[i] / c), `r/y * -(x/y)` when it does (a Newton step:
// the adjoint that runs from one iteration to the next waits for one division, not two).
TEST(AdGeneratedCode, DenominatorAdjointKeepsOneDivisionOnTheLoopCarriedChain) {
    auto d = differentiateSource(R"(
def mean_over(x : In[Array[float]], c : In[float], n : In[int]) -> float:
    s : float = 0.0
    for i in range(n):
        s = s + x[i] / c
    return s

def newton(a : In[float]) -> float:
    x : float = 1.0
    k : int = 0
    while (k < 8, max_iter := 8):
        x = 0.5 * (x + a / x)
        k = k + 1
    return x

r_mean_over = rev_diff(mean_over)
r_newton = rev_diff(newton)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string m = functionText(d, "r_mean_over");
    EXPECT_NE(m.find("        _d_c = _d_c + -(_d_s / c / c) * x[i]\n"), std::string::npos) << m;
    std::string n = functionText(d, "r_newton");
    EXPECT_NE(n.find("        _d_a = _d_a + _adj_2 / x\n"
                     "        _d_x = _d_x + _adj_2 / x * -(a / x)\n"),
              std::string::npos)
        << n;
}

}  // namespace
}  // namespace lomaw::ad::test
