// Reverse mode as printed by `emit --stage diff`: sweeps, tapes only where needed, adjoint
// names, no unused declarations (docs/ad.md).
#include "AdTestSupport.h"

namespace lomaw::ad::test {
namespace {

TEST(AdReverse, StraightLineCodeNeedsNoTape) {
    auto d = differentiateSource(R"(
def f(x : In[float], y : In[float]) -> float:
    z : float = x * y
    return z * sin(x)

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "r_f"),
              "def r_f(x : In[float], _dx : Out[float], y : In[float], _dy : Out[float], _dreturn : In[float]):\n"
              "    _d_x : float\n"
              "    _d_y : float\n"
              "    _d_z : float\n"
              "    z : float = x * y\n"
              "    _d_z = _dreturn * sin(x)\n"
              "    _d_x = _dreturn * z * cos(x)\n"
              "    _d_x = _d_x + _d_z * y\n"
              "    _d_y = _d_z * x\n"
              "    _dx = _dx + _d_x\n"
              "    _dy = _dy + _d_y");
}

TEST(AdReverse, AccumulatorInAForLoopNeedsNoTapeAndNoReplay) {
    auto d = differentiateSource(R"(
def acc(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    for i in range(n):
        s = s + x[i] * x[i]
    return s

r_acc = rev_diff(acc)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "r_acc"),
              "def r_acc(x : In[Array[float]], _dx : Out[Array[float]], n : In[int], _dn : Out[int], _dreturn : In[float]):\n"
              "    _d_s : float\n"
              "    _d_s = _dreturn\n"
              "    for i in range(n - 1, -1, -1):\n"
              "        _dx[i] = _dx[i] + _d_s * 2.0 * x[i]");
}

TEST(AdReverse, WhileLoopTapesPersistAcrossCallsAndCountNestedLoops) {
    auto d = differentiateSource(R"(
def f(x : In[float], n : In[int]) -> float:
    r : float = 1.0
    i : int = 0
    j : int = 0
    while (i < n, max_iter := 4):
        j = 0
        while (j < n, max_iter := 5):
            r = r * x
            j = j + 1
        i = i + 1
    return r

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    // Heap tapes kept per thread between calls: taken at the start, kept at the end.
    EXPECT_NE(t.find("    _t_iterations : Array[int]\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    _t_r : Array[float]\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    __lomaw_tape_acquire(_t_iterations, _t_iterations_cap)\n"
                     "    __lomaw_tape_acquire(_t_r, _t_r_cap)\n"
                     "    r : float = 1.0\n"),
              std::string::npos) << t;
    EXPECT_NE(t.find("    __lomaw_tape_release(_t_iterations, _t_iterations_cap)\n"
                     "    __lomaw_tape_release(_t_r, _t_r_cap)"),
              std::string::npos) << t;
    // Both loops are counted on entry; beyond max_iter the tapes would overflow.
    EXPECT_NE(t.find("        if _n_iterations < 0 or _n_iterations > 4:\n            __lomaw_max_iter_exceeded(4)\n"),
              std::string::npos) << t;
    EXPECT_NE(t.find("            if _n_iterations_2 < 0 or _n_iterations_2 > 5:\n"
                     "                __lomaw_max_iter_exceeded(5)\n"),
              std::string::npos) << t;
    EXPECT_NE(t.find("    while (_n_iterations > 0, max_iter := 4):\n"
                     "        _t_iterations_n = _t_iterations_n - 1\n"
                     "        _n_iterations_2 = _t_iterations[_t_iterations_n]\n"),
              std::string::npos) << t;
    // i and j are not read by the reverse sweep: no tape for them.
    EXPECT_EQ(t.find("_t_i"), t.find("_t_iterations"));
    EXPECT_EQ(t.find("_t_j"), std::string::npos) << t;
}

TEST(AdReverse, ForLoopTapeIsOnTheHeap) {
    auto d = differentiateSource(R"(
def prod(x : In[Array[float]], n : In[int]) -> float:
    p : float = 1.0
    for i in range(n):
        p = p * x[i]
    return p

r_prod = rev_diff(prod)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_prod");
    EXPECT_NE(t.find("    _t_p : Array[float]\n"), std::string::npos) << t;
    EXPECT_NE(t.find("        __lomaw_tape_reserve(_t_p, _t_p_cap, _t_p_n)\n        _t_p[_t_p_n] = p\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    __lomaw_tape_release(_t_p, _t_p_cap)"), std::string::npos) << t;
}

TEST(AdReverse, BranchDecisionIsTapedOnlyWhenTheBranchWritesItsCondition) {
    auto d = differentiateSource(R"(
def f(x : In[float]) -> float:
    s : float = x * x
    if s > 2.0:
        s = s * s
    if x > 0.0:
        s = s * x
    return s

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    EXPECT_NE(t.find("    if _t_branch:\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    if x > 0.0:\n"), std::string::npos) << t;
    EXPECT_EQ(t.find("_t_branch_2"), std::string::npos) << t;
}

TEST(AdReverse, OutArrayAdjointIsConsumedAndSimdAccumulatesAtomically) {
    auto d = differentiateSource(R"(
@simd
def scale(x : In[Array[float]], k : In[float], y : Out[Array[float]]):
    i : int = thread_id()
    y[i] = k * x[i]

r_scale = rev_diff(scale)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "r_scale"),
              "@simd\n"
              "def r_scale(x : In[Array[float]], _dx : Out[Array[float]], k : In[float], _dk : Out[float], _dy : In[Array[float]]):\n"
              "    _adj : float\n"
              "    i : int = thread_id()\n"
              "    _adj = _dy[i]\n"
              "    _dy[i] = 0.0\n"
              "    atomic_add(_dk, _adj * x[i])\n"
              "    atomic_add(_dx[i], _adj * k)");
}

TEST(AdReverse, CallStatementWithOutArgumentRestoresAndZeroesTheAdjoint) {
    auto d = differentiateSource(R"(
def sq(x : In[float], y : Out[float]):
    y = x * x

def use(x : In[float]) -> float:
    t : float
    sq(x, t)
    return t * x

r_use = rev_diff(use)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "r_use"),
              "def r_use(x : In[float], _dx : Out[float], _dreturn : In[float]):\n"
              "    _d_x : float\n"
              "    _d_t : float\n"
              "    _t_t : float\n"
              "    t : float\n"
              "    _t_t = t\n"
              "    sq(x, t)\n"
              "    _d_t = _dreturn * x\n"
              "    _d_x = _dreturn * t\n"
              "    t = _t_t\n"
              "    _d_rev_sq(x, _d_x, _d_t)\n"
              "    _d_t = 0.0\n"
              "    _dx = _dx + _d_x");
}

TEST(AdReverse, OverwrittenInParameterUsesALocalAdjointAddedAtTheEnd) {
    auto d = differentiateSource(R"(
def f(x : In[float]) -> float:
    x = x * x
    return x

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    EXPECT_NE(t.find("    _d_x : float\n"), std::string::npos) << t;
    EXPECT_EQ(t.substr(t.rfind('\n') + 1), "    _dx = _dx + _d_x") << t;
}

// An adjoint that carries a sum across iterations (_d_x) keeps accumulating; one that each
// iteration zeroes last (_d_t) starts every iteration at 0 and is assigned.
TEST(AdReverse, OnlyAnAdjointZeroedEachIterationIsAssignedInTheLoop) {
    auto d = differentiateSource(R"(
def f(x : In[float], u : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    t : float = 0.0
    i : int = 0
    while (i < n, max_iter := 100):
        t = x * u[i]
        s = s + t * t
        i = i + 1
    return s

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    EXPECT_NE(t.find("        _d_t = _d_s * 2.0 * t\n"
                     "        _adj = _d_t\n"
                     "        _d_t = 0.0\n"
                     "        _d_x = _d_x + _adj * u[i]\n"),
              std::string::npos) << t;
}

TEST(AdReverse, CompoundAdjointReachingSeveralInputsIsComputedOnce) {
    auto d = differentiateSource(R"(
def stencil(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    for i in range(1, n - 1):
        s = s + 3.0 * (x[i - 1] - 2.0 * x[i] + x[i + 1])
    return s

r_stencil = rev_diff(stencil)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "r_stencil"),
              "def r_stencil(x : In[Array[float]], _dx : Out[Array[float]], n : In[int], _dn : Out[int], _dreturn : In[float]):\n"
              "    _d_s : float\n"
              "    _adj : float\n"
              "    _last_i : int\n"
              "    _win_dx_m1 : float\n"
              "    _win_dx_0 : float\n"
              "    _win_dx_p1 : float\n"
              "    _d_s = _dreturn\n"
              "    _last_i = 0\n"
              "    _win_dx_0 = 0.0\n"
              "    _win_dx_p1 = 0.0\n"
              "    for i in range(n - 1 - 1, 0, -1):\n"
              "        _adj = _d_s * 3.0\n"
              "        _win_dx_m1 = _adj\n"
              "        _win_dx_0 = _win_dx_0 + _adj * -2.0\n"
              "        _win_dx_p1 = _win_dx_p1 + _adj\n"
              "        _dx[i + 1] = _dx[i + 1] + _win_dx_p1\n"
              "        _win_dx_p1 = _win_dx_0\n"
              "        _win_dx_0 = _win_dx_m1\n"
              "        _last_i = i\n"
              "    if (_win_dx_0 == 0.0) == 0.0:\n"
              "        _dx[_last_i - 1] = _dx[_last_i - 1] + _win_dx_0\n"
              "    if (_win_dx_p1 == 0.0) == 0.0:\n"
              "        _dx[_last_i] = _dx[_last_i] + _win_dx_p1");
}

// The stencil's adjoints at i - 1, i, i + 1 wait in a window of locals (ReverseStencilWindow.h):
// the element at i + 1, which no later (smaller) i reaches, is stored once per iteration with
// everything it received; after the loop the two elements still in the window are stored.
// Above, the loop of a while stencil over a row of a grid (the base i * n stays, the counter j
// restored by its inverse step moves the window).
TEST(AdReverse, StencilAdjointsWaitInAWindowOfLocals) {
    auto d = differentiateSource(R"(
def row(u : In[Array[float]], i : In[int], n : In[int]) -> float:
    e : float = 0.0
    j : int = 1
    while (j < n - 1, max_iter := 1000):
        e = e + u[i * n + j - 1] * u[i * n + j + 1]
        j = j + 1
    return e

r_row = rev_diff(row)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_row");
    EXPECT_NE(t.find("    _d_e = _dreturn\n"
                     "    _stop_j = j - _n_iterations\n"
                     "    _win_du_0 = 0.0\n"
                     "    _win_du_p1 = 0.0\n"
                     "    while (j > _stop_j, max_iter := 1000):\n"
                     "        j = j - 1\n"
                     "        _win_du_m1 = _d_e * u[i * n + j + 1]\n"
                     "        _win_du_p1 = _win_du_p1 + _d_e * u[i * n + j - 1]\n"
                     "        _du[i * n + j + 1] = _du[i * n + j + 1] + _win_du_p1\n"
                     "        _win_du_p1 = _win_du_0\n"
                     "        _win_du_0 = _win_du_m1\n"
                     "    if (_win_du_0 == 0.0) == 0.0:\n"
                     "        _du[i * n + j - 1] = _du[i * n + j - 1] + _win_du_0\n"
                     "    if (_win_du_p1 == 0.0) == 0.0:\n"
                     "        _du[i * n + j] = _du[i * n + j] + _win_du_p1"),
              std::string::npos) << t;
}

// An element the inner loop does not move (_dx[i] while j runs) collects its contributions,
// also those under a condition, in a local added once after the loop (when not 0: a loop whose
// condition never held touches nothing).
TEST(AdReverse, AdjointOfAnElementTheLoopDoesNotMoveIsALocal) {
    auto d = differentiateSource(R"(
def rowsum(x : In[Array[float]], w : In[Array[float]], n : In[int], m : In[int]) -> float:
    s : float = 0.0
    for i in range(n):
        for j in range(m):
            if w[j] > 0.0:
                s = s + w[j] * x[i]
    return s

r_rowsum = rev_diff(rowsum)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "r_rowsum"),
              "def r_rowsum(x : In[Array[float]], _dx : Out[Array[float]], w : In[Array[float]], _dw : Out[Array[float]], n : In[int], _dn : Out[int], m : In[int], _dm : Out[int], _dreturn : In[float]):\n"
              "    _d_s : float\n"
              "    _acc_dx : float\n"
              "    _d_s = _dreturn\n"
              "    for i in range(n - 1, -1, -1):\n"
              "        _acc_dx = 0.0\n"
              "        for j in range(m - 1, -1, -1):\n"
              "            if w[j] > 0.0:\n"
              "                _dw[j] = _dw[j] + _d_s * x[i]\n"
              "                _acc_dx = _acc_dx + _d_s * w[j]\n"
              "        if (_acc_dx == 0.0) == 0.0:\n"
              "            _dx[i] = _dx[i] + _acc_dx");
}

// No window where an element the window would hold back is read in the loop, where the loop's
// iterations run in parallel, where the index's other terms change in the loop, or where the
// offsets are a vector apart (nothing stops the C compiler from vectorizing that loop).
TEST(AdReverse, StencilWindowOnlyWhereNothingReadsTheHeldElements) {
    auto d = differentiateSource(R"(
def smooth(x : In[Array[float]], n : In[int]) -> float:
    a : Array[float, 16]
    s : float = 0.0
    for i in range(n):
        a[i] = x[i]
    for i in range(1, n - 1):
        a[i + 1] = a[i - 1] * 2.0 + a[i + 1]
    for i in range(n):
        s = s + a[i]
    return s

def par(x : In[Array[float]], y : Out[Array[float]], n : In[int]):
    #pragma omp parallel for
    for i in range(1, n - 1):
        y[i] = x[i - 1] * x[i + 1]

def moving(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    k : int = 0
    for i in range(1, n - 1):
        s = s + x[k + i - 1] * x[k + i + 1]
        k = k + 1
    return s

def far(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    for i in range(n - 4):
        s = s + x[i] * x[i + 4]
    return s

r_smooth = rev_diff(smooth)
r_par = rev_diff(par)
r_moving = rev_diff(moving)
r_far = rev_diff(far)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    const std::pair<const char*, const char*> kept[] = {
        {"r_smooth", "        _d_a[i - 1] = _d_a[i - 1] + _adj * 2.0\n"},  // _d_a[i + 1] is read
        {"r_par", "        atomic_add(_dx[i - 1], _adj * x[i + 1])\n"},  // iterations in parallel
        {"r_moving", "        _dx[k + i + 1] = _dx[k + i + 1] + _d_s * x[k + i - 1]"},  // k moves too
        {"r_far", "        _dx[i + 4] = _dx[i + 4] + _d_s * x[i]"},  // the C compiler vectorizes it
    };
    for (const auto& [f, line] : kept) {
        std::string t = functionText(d, f);
        EXPECT_EQ(t.find("_win_"), std::string::npos) << t;
        EXPECT_NE(t.find(line), std::string::npos) << t;
    }
}

TEST(AdReverse, CalleesOfSimdKernelsAccumulateAtomically) {
    auto d = differentiateSource(R"(
def g(a : In[Array[float]], i : In[int], k : In[float]) -> float:
    return a[i] * k

@simd
def kern(x : In[Array[float]], k : In[float], y : Out[Array[float]]):
    i : int = thread_id()
    y[i] = g(x, i, k)

r_kern = rev_diff(kern)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    // The shared scalar adjoint goes through a per-thread temporary, then one atomic add.
    std::string k = functionText(d, "r_kern");
    EXPECT_NE(k.find("    _d_g_k = 0.0\n    _d_rev_g(x, _dx, i, _unused_int, k, _d_g_k, _adj)\n    atomic_add(_dk, _d_g_k)"),
              std::string::npos) << k;
    EXPECT_EQ(functionText(d, "_d_rev_g"),
              "def _d_rev_g(a : In[Array[float]], _da : Out[Array[float]], i : In[int], _di : Out[int], k : In[float], _dk : Out[float], _dreturn : In[float]):\n"
              "    atomic_add(_da[i], _dreturn * k)\n"
              "    atomic_add(_dk, _dreturn * a[i])");
}

TEST(AdReverse, CallInANonLinearOperandIsEvaluatedOnceAndStored) {
    auto d = differentiateSource(R"(
def g(t : In[float]) -> float:
    return t * t

def f(x : In[float], y : In[float]) -> float:
    return g(x) * y + g(y)

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    // g(x) (read by ȳ += r̄·g(x)) runs once, in the forward sweep; g(y) (linear) never runs.
    EXPECT_NE(t.find("    _call_g = g(x)\n"), std::string::npos) << t;
    EXPECT_EQ(t.find("g(x)"), t.rfind("g(x)")) << t;
    EXPECT_EQ(t.find("g(y)"), std::string::npos) << t;
    EXPECT_NE(t.find("_d_y = _dreturn * _call_g"), std::string::npos) << t;
}

TEST(AdReverse, EveryLoopTapeLivesOnTheHeapNoneIsZeroFilledOnTheStack) {
    auto d = differentiateSource(R"(
def f(x : In[float], n : In[int]) -> float:
    y : float = x
    z : float = x
    i : int = 0
    j : int = 0
    while (i < n, max_iter := 10000):
        j = 0
        while (j < n, max_iter := 1000):
            y = y * x
            j = j + 1
        i = i + 1
    i = 0
    while (i < n, max_iter := 100):
        z = z * x
        i = i + 1
    return y + z

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    // 10^7 entries or 100: both heap tapes kept for the next call (a stack array of max_iter
    // entries was zero-filled on every call and overflowed the stack when large).
    EXPECT_NE(t.find("    _t_y : Array[float]\n"), std::string::npos) << t;
    EXPECT_NE(t.find("        __lomaw_tape_presize(_t_y, _t_y_cap, _t_y_n + _n_iterations_2)\n"), std::string::npos) << t;
    EXPECT_NE(t.find("            _t_y[_t_y_n] = y\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    __lomaw_tape_release(_t_y, _t_y_cap)"), std::string::npos) << t;
    EXPECT_NE(t.find("    _t_z : Array[float]\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    __lomaw_tape_release(_t_z, _t_z_cap)"), std::string::npos) << t;
    EXPECT_EQ(t.find("__lomaw_tape_free"), std::string::npos) << t;
}

TEST(AdReverse, ArrayOverwrittenByACallIsRestoredElementByElement) {
    auto d = differentiateSource(R"(
def fill(x : In[float], a : Out[Array[float, 2]]):
    a[0] = x
    a[1] = x * x

def f(x : In[float]) -> float:
    a : Array[float, 2]
    s : float = 0.0
    fill(x, a)
    s = a[0] * a[1]
    fill(s, a)
    return a[1] * a[0]

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    EXPECT_NE(t.find("    _t_a : Array[float, 2]\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    for _i in range(2):\n        _t_a[_t_a_n] = a[_i]\n        _t_a_n = _t_a_n + 1\n"),
              std::string::npos) << t;
    EXPECT_NE(t.find("range(1, -1, -1):\n        _t_a_n = _t_a_n - 1\n        a[_i"), std::string::npos) << t;
}

TEST(AdReverse, AccumulatingOutArgumentKeepsItsAdjointInRevOfRev) {
    auto d = differentiateSource(R"(
def g(t : In[float]) -> float:
    return t * t

def f(x : In[float]) -> float:
    return x * x + g(x)

rf = rev_diff(f)
rrf = rev_diff(rf)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "rrf");
    // _d_rev_g adds into its Out parameter _dt (rf passes its local adjoint _d_x): the
    // adjoint of _d_x passes through the call, to the accumulation before it.
    size_t call = t.find("_d_rev__d_rev_g(x, _d_x_2, _d__d_x, _dreturn, _d__dreturn)\n"
                         "    _adj = _d__d_x\n"
                         "    _d__d_x = 0.0\n"
                         "    _d__dreturn = _d__dreturn + _adj * x * 2.0\n");
    ASSERT_NE(call, std::string::npos) << t;
}

}  // namespace
}  // namespace lomaw::ad::test
