// What reverse mode records (docs/ad.md, "What is restored", "Tapes", "Tape report"): inverse
// steps of induction variables, values recomputed instead of taped, adjoint outputs in
// locals, linear-size derivatives of long products, and the tape report itself.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "AdTestSupport.h"

namespace lomaw::ad::test {
namespace {

// A kernel of the corpus (tests/kernels/run), whose gradients the CLI corpus test checks.
std::string corpusKernel(const std::string& name) {
    std::ifstream in(std::string(LOMAW_TEST_KERNELS) + "/run/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The stencil (ad_while_recompute.py): `i = i + 1` is undone by `i = i - 1`, and `l` (read by
// the adjoint of `r = r + l * l`) is recomputed from u and i, which the loop does not change
// (u) or restores (i): the loop records nothing per iteration.
TEST(AdTapes, InductionVariableIsRestoredByTheInverseStepAndTheStencilValueRecomputed) {
    auto d = differentiateSource(corpusKernel("ad_while_recompute.py"));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_rough");
    EXPECT_EQ(t.find("_t_"), std::string::npos) << t;  // no tape at all
    // The forward sweep would only count iterations and step i (l and r are not read): the
    // count and the final i are computed on entry instead of a pass over the loop.
    EXPECT_NE(t.find("    _n_iterations = 0\n"
                     "    if i < n - 1:\n"
                     "        _n_iterations = n - 1 - i\n"
                     "        if _n_iterations < 0 or _n_iterations > 100:\n"
                     "            __lomaw_max_iter_exceeded(100)\n"
                     "    i = i + _n_iterations\n"
                     "    _d_r = _dreturn\n"),
              std::string::npos)
        << t;
    EXPECT_EQ(t.find("while (i < n - 1"), std::string::npos) << t;
    // Recomputed once i is back to its value at the definition, before the adjoint reading l.
    // _d_l is 0 before the loop and set to 0 last in each iteration: assigned, not accumulated.
    EXPECT_NE(t.find("    _stop_i = i - _n_iterations\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    while (i > _stop_i, max_iter := 100):\n"
                     "        i = i - 1\n"
                     "        l = u[i - 1] - 2.0 * u[i] + u[i + 1]\n"
                     "        _d_l = _d_r * 2.0 * l\n"),
              std::string::npos)
        << t;
    EXPECT_NE(t.find("    l : float\n"), std::string::npos) << t;  // declared, assigned in the reverse sweep only
}

// ad_while_runs_down_to_first_value.py: the reverse of `while i < hi` stepping by 1 runs i back
// down to its first value, a loop whose exit the C compiler can reason about (the count-down
// loop hides that i does not wrap, and keeps GCC from vectorizing it under -fwrapv);
// `k <= hi` may step past 2^31 - 1 and keeps counting down.
TEST(AdTapes, CountedWhileLoopRunsItsVariableDownToItsFirstValue) {
    auto d = differentiateSource(corpusKernel("ad_while_runs_down_to_first_value.py"));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_pairs");
    EXPECT_NE(t.find("    _stop_i = i - _n_iterations\n"), std::string::npos) << t;
    EXPECT_NE(t.find("    while (i > _stop_i, max_iter := 16):\n"
                     "        i = i - 1\n"),
              std::string::npos)
        << t;
    EXPECT_EQ(t.find("_n_iterations - 1"), std::string::npos) << t;
    std::string w = functionText(d, "r_weighted");
    EXPECT_NE(w.find("    while (_n_iterations > 0, max_iter := 16):\n"
                     "        k = k - 1\n"),
              std::string::npos)
        << w;
    EXPECT_EQ(w.find("_stop_k"), std::string::npos) << w;
}

// ad_stencil_window_2d.py (its gradients checked there): _d_lap is 0 before the reverse
// loops, the inner loop sets it to 0 last in each iteration and is the outer iteration's only
// statement mentioning it, so the inner iterations assign it at its first use.
TEST(AdTapes, AdjointZeroedByAnInnerLoopIsAssignedAtItsFirstUseThere) {
    auto d = differentiateSource(corpusKernel("ad_stencil_window_2d.py"));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_lap_energy");
    EXPECT_NE(t.find("            _d_lap = _d_e * 2.0 * lap\n"), std::string::npos) << t;
    EXPECT_EQ(t.find("_d_lap = _d_lap +"), std::string::npos) << t;
}

TEST(AdTapes, ValueReadBeforeItsDefinitionInTheLoopIsTaped) {
    // `s = s + l * x` reads the l of the previous iteration: recomputing would read the new one.
    auto d = differentiateSource(R"(
def f(x : In[float], n : In[int]) -> float:
    s : float = 0.0
    l : float = 1.0
    i : int = 0
    while (i < n, max_iter := 100):
        s = s + l * x
        l = x * int2float(i)
        i = i + 1
    return s

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    EXPECT_NE(t.find("        _t_l[_t_l_n] = l\n"), std::string::npos) << t;
    EXPECT_NE(t.find("        i = i - 1\n"), std::string::npos) << t;
    EXPECT_EQ(t.find("_t_i"), std::string::npos) << t;
}

TEST(AdTapes, InnerAccumulatorThatNoAdjointReadsIsNotTapedInItsLoop) {
    auto d = differentiateSource(corpusKernel("ad_inner_accumulator_untaped.py"));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_matvec");
    // t is recorded once per outer iteration (before `t = 0.0`), not per inner one: the reverse
    // inner loop restores nothing, and t gets its value back from the outer tape.
    EXPECT_NE(t.find("        _stop_j = j - _n_iterations_2\n"
                     "        while (j > _stop_j, max_iter := 100):\n"
                     "            j = j - 1\n"
                     "            _da[i * n + j] = _da[i * n + j] + _d_t * x[j]\n"
                     "            _dx[j] = _dx[j] + _d_t * a[i * n + j]\n"
                     "        _t_j_n = _t_j_n - 1\n"
                     "        j = _t_j[_t_j_n]\n"
                     "        _t_t_n = _t_t_n - 1\n"
                     "        t = _t_t[_t_t_n]\n"),
              std::string::npos) << t;
    EXPECT_EQ(t.find("_t_t_2"), std::string::npos) << t;
}

TEST(AdTapes, StepThatTheLoopChangesIsTaped) {
    // i = i + k with k written in the loop: no inverse step.
    auto d = differentiateSource(R"(
def f(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    k : int = 1
    while (i < n, max_iter := 100):
        s = s + x[i] * x[i]
        i = i + k
        k = k + 1
    return s

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_f");
    EXPECT_NE(t.find("        _t_i[_t_i_n] = i\n"), std::string::npos) << t;
    EXPECT_EQ(t.find("i = i - k"), std::string::npos) << t;
}

// A loop whose trip count is known on entry (the counter's only write is `i = i + c`, the
// bound is not written in the loop) reserves its tapes once, before the loop, for the whole
// trip (clamped to max_iter); a loop whose bound changes inside does not.
TEST(AdTapes, CountedLoopReservesItsTapeOnceOnEntry) {
    auto d = differentiateSource(R"(
def powr(x : In[float], n : In[int]) -> float:
    y : float = 1.0
    i : int = 0
    while (i < n, max_iter := 50):
        y = y * x
        i = i + 2
    return y

def moving(x : In[float], n : In[int]) -> float:
    y : float = 1.0
    i : int = 0
    m : int = n
    while (i < m, max_iter := 50):
        y = y * x
        i = i + 1
        m = m - 1
    return y

r_powr = rev_diff(powr)
r_moving = rev_diff(moving)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_powr");
    // Counted on entry (the max_iter error there): the body neither counts nor checks, and its
    // push needs no reserve of its own.
    EXPECT_NE(t.find("    _n_iterations = 0\n"
                     "    if i < n:\n"
                     "        _n_iterations = n - i\n"
                     "        if _n_iterations >= 0:\n"
                     "            _n_iterations = (_n_iterations - 1) / 2 + 1\n"
                     "        if _n_iterations < 0 or _n_iterations > 50:\n"
                     "            __lomaw_max_iter_exceeded(50)\n"
                     "    __lomaw_tape_presize(_t_y, _t_y_cap, _t_y_n + _n_iterations)\n"
                     "    while (i < n, max_iter := 50):\n"
                     "        _t_y[_t_y_n] = y\n"
                     "        _t_y_n = _t_y_n + 1\n"
                     "        y = y * x\n"
                     "        i = i + 2\n"),
              std::string::npos)
        << t;
    // m moves: counted and checked per iteration, the tape grows as it is pushed.
    std::string m = functionText(d, "r_moving");
    EXPECT_EQ(m.find("__lomaw_tape_presize"), std::string::npos) << m;
    EXPECT_NE(m.find("        _n_iterations = _n_iterations + 1\n"
                     "        if _n_iterations > 50:\n"
                     "            __lomaw_max_iter_exceeded(50)\n"
                     "        __lomaw_tape_reserve(_t_y, _t_y_cap, _t_y_n)\n"),
              std::string::npos)
        << m;
}

TEST(AdTapes, StructAdjointOutputAccumulatesInALocalWrittenOnce) {
    auto d = differentiateSource(corpusKernel("ad_struct_adjoint_local.py"));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_e");
    EXPECT_NE(t.find("    _d_c : C\n"), std::string::npos) << t;
    EXPECT_EQ(t.find("_dc.k = _dc.k + _adj"), std::string::npos) << t;  // not through the pointer in the loop
    EXPECT_NE(t.find("    _dc.k = _dc.k + _d_c.k\n    _dc.m = _dc.m + _d_c.m"), std::string::npos) << t;
}

std::string product(int factors) {
    std::string params, body;
    for (int k = 0; k < factors; ++k) {
        params += (k ? ", x" : "x") + std::to_string(k) + " : In[float]";
        body += (k ? " * x" : "x") + std::to_string(k);
    }
    return "def p(" + params + ") -> float:\n    return " + body + "\n\nd_p = fwd_diff(p)\nr_p = rev_diff(p)\n";
}

TEST(AdTapes, LongProductsHaveLinearSizeDerivatives) {
    auto start = std::chrono::steady_clock::now();
    auto d300 = differentiateSource(product(300));
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    auto d600 = differentiateSource(product(600));
    ASSERT_TRUE(d300.ok && d600.ok) << d300.diagnostics() << d600.diagnostics();
    for (const char* f : {"d_p", "r_p"}) {
        size_t a = functionText(d300, f).size(), b = functionText(d600, f).size();
        // Doubling the factors roughly doubles the text (quadratic would quadruple it).
        EXPECT_LT(static_cast<double>(b) / static_cast<double>(a), 2.6) << f << ": " << a << " -> " << b;
        EXPECT_LT(a, 300u * 400u) << f;  // about 200 characters per factor
    }
    EXPECT_LT(seconds, 2.0);  // well under a second on a quiet machine; generous for CI load
    // Prefix products are evaluated once into temporaries.
    EXPECT_NE(functionText(d300, "r_p").find("    _v = x0 * x1 * x2 * x3 * x4\n"), std::string::npos);
}

// Heat-equation steps between two local arrays (ad_heat_dead_tapes.py): the reverse sweep reads
// the final u before undoing any step and afterwards only v, so the old values of u are not
// recorded (ReverseDeadTapes.h) and the report says so; those of v, which the stencil's
// adjoint reads, are.
TEST(AdTapes, OldValuesNothingReadsAreNotRecorded) {
    Differentiated d;
    TapeReport report;
    d.module = syntax::parse(corpusKernel("ad_heat_dead_tapes.py"), d.diags);
    ASSERT_TRUE(sema::check(d.module, d.diags)) << d.diagnostics();
    ASSERT_TRUE(differentiate(d.module, d.diags, report)) << d.diagnostics();
    std::string t = functionText(d, "r_heat");
    EXPECT_EQ(t.find("_t_u"), std::string::npos) << t;
    EXPECT_NE(t.find("            v[i] = _t_v[_t_v_n]\n"), std::string::npos) << t;
    EXPECT_EQ(formatTapeReport(report),
              "r_heat (reverse of heat, line 8)\n"
              "  outside loops: 4 bytes\n"
              "    records i (value, 4 bytes, line 27), read by the adjoint of lines 15, 20, 24, 29\n"
              "    while loop at line 14: 0 bytes per iteration\n"
              "      restores i by `i = i - 1` (line 16)\n"
              "      does not record u (line 15): nothing reads its old value after the line is undone\n"
              "    while loop at line 17: 16 bytes per iteration\n"
              "      records i (value, 4 bytes, line 18), read by the adjoint of lines 15, 20, 24, 29\n"
              "      records iterations (iteration count of the inner loop, 4 bytes, line 19)\n"
              "      records i (value, 4 bytes, line 22), read by the adjoint of lines 15, 20, 24, 29\n"
              "      records iterations (iteration count of the inner loop, 4 bytes, line 23)\n"
              "      while loop at line 19: 4 bytes per iteration\n"
              "        records v (value, 4 bytes, line 20), read by the adjoint of line 24\n"
              "        restores i by `i = i - 1` (line 21)\n"
              "      while loop at line 23: 0 bytes per iteration\n"
              "        restores i by `i = i - 1` (line 25)\n"
              "        does not record u (line 24): nothing reads its old value after the line is undone\n"
              "    while loop at line 28: 0 bytes per iteration\n"
              "      restores i by `i = i - 1` (line 30)\n");
}

// Row products summed: the tape of `q = a[i * m]` (once per row) is dead, since the reverse
// sweep overwrites q before reading it; the row loop's trip count, computed only to pre-size
// that tape, goes with it. The products along a row stay recorded.
TEST(AdTapes, TripCountOfADroppedTapeIsNotComputed) {
    auto d = differentiateSource(R"(
def rowprod(a : In[Array[float]], n : In[int], m : In[int]) -> float:
    s : float = 0.0
    q : float = 1.0
    for i in range(n):
        q = a[i * m]
        for j in range(1, m):
            q = q * a[i * m + j]
        s = s + q
    return s

r_rowprod = rev_diff(rowprod)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::string t = functionText(d, "r_rowprod");
    EXPECT_EQ(t.find("_trip_2"), std::string::npos) << t;  // the row loop's count
    EXPECT_NE(t.find("    for i in range(n):\n"
                     "        q = a[i * m]\n"
                     "        _trip = 0\n"),
              std::string::npos) << t;  // the inner loop's count pre-sizes the products' tape
    EXPECT_EQ(t.find("_t_q :"), std::string::npos) << t;
    EXPECT_NE(t.find("_t_q_2[_t_q_2_n] = q"), std::string::npos) << t;
}

TEST(AdTapes, ReportListsWhatEachLoopRecordsAndRecomputes) {
    Differentiated d;
    TapeReport report;
    const std::string stencil = corpusKernel("ad_while_recompute.py");
    const int base = static_cast<int>(std::count(stencil.begin(), stencil.end(), '\n'));  // 23 lines
    d.module = syntax::parse(stencil + R"(
def powr(x : In[float], n : In[int]) -> float:
    y : float = 1.0
    i : int = 0
    while (i < n, max_iter := 50):
        y = y * x
        i = i + 1
    return y

r_powr = rev_diff(powr)
)",
                             d.diags);
    ASSERT_TRUE(sema::check(d.module, d.diags)) << d.diagnostics();
    ASSERT_TRUE(differentiate(d.module, d.diags, report)) << d.diagnostics();
    ASSERT_EQ(report.derivatives.size(), 2u);
    const DerivativeTapes& r = report.derivatives[0];
    EXPECT_EQ(r.derivative, "r_rough");
    ASSERT_EQ(r.loops.size(), 2u);
    EXPECT_EQ(r.loops[1].kind, "while");
    EXPECT_EQ(r.loops[1].line, 12);
    EXPECT_EQ(r.loops[1].bytesPerIteration(), 0);
    ASSERT_EQ(r.loops[1].recomputed.size(), 2u);
    EXPECT_EQ(r.loops[1].recomputed[0].how, "l = u[i - 1] - 2.0 * u[i] + u[i + 1]");
    EXPECT_EQ(r.loops[1].recomputed[1].how, "i = i - 1");
    const DerivativeTapes& p = report.derivatives[1];
    ASSERT_EQ(p.loops.size(), 2u);
    ASSERT_EQ(p.loops[1].recorded.size(), 1u);
    EXPECT_EQ(p.loops[1].recorded[0].variable, "y");
    EXPECT_EQ(p.loops[1].recorded[0].bytes, 4);
    const int powr = base + 2;  // the line of `def powr`
    EXPECT_EQ(p.loops[1].recorded[0].readBy, std::vector<int>{powr + 4});  // the adjoint of y * x reads y
    const std::string y = std::to_string(powr + 4);
    const std::string head =
        "r_rough (reverse of rough, line 8)\n"
        "  outside loops: 0 bytes\n"
        "    while loop at line 12: 0 bytes per iteration\n"
        "      recomputes l by `l = u[i - 1] - 2.0 * u[i] + u[i + 1]` (line 13)\n"
        "      restores i by `i = i - 1` (line 15)\n"
        "r_powr (reverse of powr, line " + std::to_string(powr) + ")\n"
        "  outside loops: 0 bytes\n"
        "    while loop at line " + std::to_string(powr + 3) + ": 4 bytes per iteration\n"
        "      records y (value, 4 bytes, line " + y + "), read by the adjoint of line " + y + "\n";  // i is never read
    EXPECT_EQ(formatTapeReport(report), head);
}

}  // namespace
}  // namespace lomaw::ad::test
