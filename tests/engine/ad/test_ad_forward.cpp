// Forward mode as printed by `emit --stage diff`: the tangent rules of docs/language.md §4 and the
// statement translation of §6.2.
#include "AdTestSupport.h"

namespace lomaw::ad::test {
namespace {

TEST(AdForward, ProductAndSineFollowTheTangentRules) {
    auto d = differentiateSource(R"(
def f(x : In[float], y : In[float]) -> float:
    z : float = x * y
    return z * sin(x)

d_f = fwd_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "d_f"),
              "def d_f(x : In[_dfloat], y : In[_dfloat]) -> _dfloat:\n"
              "    z : _dfloat = make__dfloat(x.val * y.val, x.dval * y.val + x.val * y.dval)\n"
              "    return make__dfloat(z.val * sin(x.val), z.dval * sin(x.val) + z.val * (cos(x.val) * x.dval))");
}

TEST(AdForward, PowWithALiteralExponentOmitsTheLogTerm) {
    auto d = differentiateSource(R"(
def sq(x : In[float]) -> float:
    return pow(x, 2)

def g(x : In[float], y : In[float]) -> float:
    return pow(x, y)

d_sq = fwd_diff(sq)
d_g = fwd_diff(g)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string sq = functionText(d, "d_sq");
    EXPECT_EQ(sq.find("log"), std::string::npos) << sq;
    EXPECT_NE(functionText(d, "d_g").find("y.dval * pow(x.val, y.val) * log(x.val)"), std::string::npos)
        << functionText(d, "d_g");
}

TEST(AdForward, IntsCarryNoTangentAndControlFlowUsesPrimalValues) {
    auto d = differentiateSource(R"(
def f(x : In[float], n : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < n, max_iter := 3):
        if x > 0.0:
            s = s + x
        i = i + 1
    return s

d_f = fwd_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "d_f"),
              "def d_f(x : In[_dfloat], n : In[int]) -> _dfloat:\n"
              "    s : _dfloat = make__dfloat(0.0, 0.0)\n"
              "    i : int = 0\n"
              "    while (i < n, max_iter := 3):\n"
              "        if x.val > 0.0:\n"
              "            s = make__dfloat(s.val + x.val, s.dval + x.dval)\n"
              "        i = i + 1\n"
              "    return s");
}

TEST(AdForward, CallsAreHoistedIntoTemporariesAndOutArgumentsPassedAsLocations) {
    auto d = differentiateSource(R"(
def g(x : In[float]) -> float:
    return x * x

def o(x : In[float], y : Out[float]):
    y = x

def f(x : In[float]) -> float:
    t : float
    o(g(x) + 1.0, t)
    return t

d_f = fwd_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "d_f"),
              "def d_f(x : In[_dfloat]) -> _dfloat:\n"
              "    _r__d_fwd_g : _dfloat\n"
              "    t : _dfloat\n"
              "    _r__d_fwd_g = _d_fwd_g(x)\n"
              "    _d_fwd_o(make__dfloat(_r__d_fwd_g.val + 1.0, _r__d_fwd_g.dval), t)\n"
              "    return t");
}

TEST(AdForward, AtomicAddIsSplitIntoValueAndTangent) {
    auto d = differentiateSource(R"(
@simd
def k(x : In[Array[float]], z : Out[float]):
    atomic_add(z, x[thread_id()] * 2.0)

d_k = fwd_diff(k)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "d_k"),
              "@simd\n"
              "def d_k(x : In[Array[_dfloat]], z : Out[_dfloat]):\n"
              "    atomic_add(z.val, x[thread_id()].val * 2.0)\n"
              "    atomic_add(z.dval, x[thread_id()].dval * 2.0)");
}

TEST(AdForward, GeneratedLocalsAvoidUserNames) {
    auto d = differentiateSource(R"(
def g(x : In[float]) -> float:
    return x

def f(x : In[float]) -> float:
    _r__d_fwd_g : float = g(x)
    return _r__d_fwd_g

d_f = fwd_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_NE(functionText(d, "d_f").find("_r__d_fwd_g_2 = _d_fwd_g(x)"), std::string::npos)
        << functionText(d, "d_f");
}

TEST(AdForward, CallInTheRightOperandOfOrRunsOnlyWhenTheLeftDoesNotDecide) {
    auto d = differentiateSource(R"(
def tenth(n : In[int]) -> int:
    return 10 / n

def pick(x : In[float], n : In[int]) -> float:
    r : float = x
    if n == 0 or tenth(n) > 2:
        r = x * x
    return r

d_pick = fwd_diff(pick)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "d_pick");
    EXPECT_NE(t.find("    if n == 0:\n        _cond = 1\n    else:\n        _r__d_fwd_tenth = _d_fwd_tenth(n)\n"
                     "        _cond = n == 0 or _r__d_fwd_tenth > 2\n    if _cond:\n"),
              std::string::npos) << t;
}

}  // namespace
}  // namespace lomaw::ad::test
