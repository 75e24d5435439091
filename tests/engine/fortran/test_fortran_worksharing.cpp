// Every worksharing form and clause of the Fortran front end, with the scopes and reasons
// derived by hand from the rules of docs/omp.md: PARALLEL regions with a separate DO
// (clauses and default inherited), orphaned DO, collapse, lastprivate, reductions with every
// operator, the per-dimension index rule, honest reasons, and the diagnostics of bad clauses.
#include <gtest/gtest.h>

#include "FortranTestUtil.h"
#include "fortran/FortranParser.h"

namespace lomaw::fortran::test {
namespace {

struct Analysed {
    DiagnosticSink diags;
    std::vector<omp::LoopScopes> loops;
};

Analysed analyseText(const std::string& text, SourceForm form = SourceForm::Free) {
    Analysed a;
    const Unit unit = parseUnit(text, a.diags, form);
    if (!a.diags.hasErrors()) a.loops = analyse(unit, {});
    return a;
}

std::string why(const omp::LoopScopes& loop, const std::string& name) {
    const omp::VariableScope* v = loop.find(name);
    return v ? v->why : "<missing " + name + ">";
}

std::vector<std::string> codes(const DiagnosticSink& diags) { return codesOf(diags); }

using Strings = std::vector<std::string>;

TEST(FortranWorksharing, RegionClausesAndDefaultReachTheSeparateDo) {
    Analysed a = analyseText(
        "subroutine f(n, u, r, s)\n"
        "  implicit none\n"
        "  integer :: n, i\n"
        "  real(8) :: u(n), r(n), s, t, w\n"
        "  w = 2\n"
        "!$omp parallel default(private) shared(u, r, n) firstprivate(w) reduction(+: s)\n"
        "!$omp do\n"
        "  do i = 1, n\n"
        "    t = w * u(i)\n"
        "    r(i) = t\n"
        "    s = s + t\n"
        "  end do\n"
        "!$omp end do\n"
        "!$omp do private(w)\n"
        "  do i = 1, n\n"
        "    w = u(i)\n"
        "    r(i) = w\n"
        "  end do\n"
        "!$omp end parallel\n"
        "end subroutine\n");
    ASSERT_EQ(a.loops.size(), 2u) << formatDiagnostics(a.diags.sorted(), "f.f90", "");
    // t: default(private) of the region; w: the region's firstprivate; s: the region's reduction.
    EXPECT_EQ(compact(a.loops[0]),
              "i:private/- w:firstprivate/reduction u:shared/shared t:private/private r:shared/shared s:reduction/firstprivate");
    EXPECT_EQ(why(a.loops[0], "t"), "private by the default clause: each thread's _d_t is its own");
    EXPECT_EQ(why(a.loops[0], "s"), "reduction(+) of the enclosing region in the primal: every iteration reads the "
                                    "same _d_s, which the loop does not change");
    // The DO's own private(w) wins over the region's firstprivate(w).
    EXPECT_EQ(compact(a.loops[1]), "i:private/- u:shared/shared w:private/private r:shared/shared");
    EXPECT_TRUE(a.diags.empty());
}

TEST(FortranWorksharing, OrphanedDoMakesTheProcedureLocalsPrivate) {
    Analysed a = analyseText(
        "subroutine smooth(n, u, v)\n"
        "  integer :: n, i\n"
        "  real(8) :: u(n), v(n), work\n"
        "  real(8), save :: total\n"
        "!$omp do\n"
        "  do i = 2, n - 1\n"
        "    work = u(i) + total\n"
        "    v(i) = work\n"
        "  end do\n"
        "end subroutine\n");
    ASSERT_EQ(a.loops.size(), 1u);
    // work is automatic (each thread's stack); total has SAVE (one copy); u, v are dummies.
    EXPECT_EQ(compact(a.loops[0]), "i:private/- u:shared/shared total:shared/reduction work:private/private v:shared/shared");
    EXPECT_EQ(why(a.loops[0], "work"),
              "a local of the procedure, private to each thread in an orphaned do: each thread's _d_work is its own");
    EXPECT_EQ(why(a.loops[0], "u"), "read u(i) uses the index i, different in every iteration: no two threads update "
                                    "the same _d_u element (orphaned do: assumed shared)");
}

// The issue's wrong answer: with collapse(2), (i,1) and (i,2) may run on different threads.
TEST(FortranWorksharing, CollapseIsTheIterationSpaceOfTheWholeNest) {
    const std::string body =
        "  do j = 1, m\n"
        "    do i = 1, n\n"
        "      r(i, j) = u(i) * v(i, j)\n"
        "    end do\n"
        "  end do\n";
    const std::string head = "subroutine f(n, m, u, v, r)\n  integer :: n, m, i, j\n  real(8) :: u(n), v(n, m), r(n, m)\n";
    Analysed collapsed = analyseText(head + "!$omp parallel do collapse(2)\n" + body + "end subroutine\n");
    ASSERT_EQ(collapsed.loops.size(), 1u) << formatDiagnostics(collapsed.diags.sorted(), "f.f90", "");
    // n: the inner loop's bound (an int); m bounds the outer loop, outside the body.
    EXPECT_EQ(compact(collapsed.loops[0]), "j:private/- n:shared/- i:private/- u:shared/atomic v:shared/shared r:shared/shared");
    EXPECT_EQ(why(collapsed.loops[0], "u"),
              "read u(i) does not depend on j of the collapsed nest (j,i), whose iterations differing only in j may "
              "run on different threads: threads may update the same _d_u element; an unbounded array: atomic "
              "updates cost less than a private copy per thread");
    EXPECT_EQ(why(collapsed.loops[0], "v"),
              "read v(i,j) uses every variable of the collapsed nest in its own dimension, j (dimension 2), i "
              "(dimension 1): different in every iteration (j,i), no two threads update the same _d_v element");
    // Without collapse, each j runs on one thread and u(i) is read by every thread.
    Analysed plain = analyseText(head + "!$omp parallel do\n" + body + "end subroutine\n");
    ASSERT_EQ(plain.loops.size(), 1u);
    EXPECT_EQ(compact(plain.loops[0]), "j:private/- n:shared/- i:private/- u:shared/atomic v:shared/shared r:shared/shared");
    EXPECT_EQ(why(plain.loops[0], "u").substr(0, 111),
              "read u(i) varies only with the inner loop index i, which the inner loops of other iterations may take "
              "as well: ");
    // The issue's case: u(i) with i the OUTER loop is owned by its iteration without collapse;
    // with collapse(2), (i,1) and (i,2) may run on different threads: not shared.
    const std::string outerI = head + "!$omp parallel do collapse(2)\n  do i = 1, n\n    do j = 1, m\n"
                               "      r(i, j) = u(i) * v(i, j)\n    end do\n  end do\nend subroutine\n";
    Analysed issue = analyseText(outerI);
    ASSERT_EQ(issue.loops.size(), 1u);
    EXPECT_EQ(compact(issue.loops[0]), "i:private/- m:shared/- u:shared/atomic j:private/- v:shared/shared r:shared/shared");
    std::string uncollapsed = outerI;
    uncollapsed.replace(uncollapsed.find(" collapse(2)"), 12, "");
    Analysed outerOnly = analyseText(uncollapsed);
    ASSERT_EQ(outerOnly.loops.size(), 1u);
    EXPECT_EQ(compact(outerOnly.loops[0]), "i:private/- m:shared/- u:shared/shared j:private/- v:shared/shared r:shared/shared");
    // collapse(2) over a nest that is not perfect is an error of the directive.
    Analysed bad = analyseText(head + "!$omp parallel do collapse(2)\n  do j = 1, m\n    r(1, j) = 0\n" +
                               "    do i = 1, n\n      r(i, j) = u(i)\n    end do\n  end do\nend subroutine\n");
    EXPECT_EQ(codes(bad.diags), (Strings{"4:7 omp-collapse"}));
}

TEST(FortranWorksharing, LastprivateKeepsItsPrimalScope) {
    Analysed a = analyseText(
        "subroutine f(n, u, x, k)\n"
        "  integer :: n, i, k\n"
        "  real(8) :: u(n), x, c\n"
        "  c = 1\n"
        "!$omp parallel do lastprivate(x, k) firstprivate(c) lastprivate(c)\n"
        "  do i = 1, n\n"
        "    x = 2 * u(i) + c\n"
        "    k = i\n"
        "  end do\n"
        "end subroutine\n");
    ASSERT_EQ(a.loops.size(), 1u) << formatDiagnostics(a.diags.sorted(), "f.f90", "");
    EXPECT_EQ(compact(a.loops[0]), "i:private/- u:shared/shared c:firstprivate+lastprivate/reduction x:lastprivate/private k:lastprivate/-");
    EXPECT_EQ(why(a.loops[0], "x"), "private in the primal: each thread's _d_x is its own; lastprivate: the iteration "
                                    "last in sequential order starts from the _d_x after the loop, the others from zero");
}

// The adjoint of reduction(max: m): every iteration reads the same _d_m; only the operand equal
// to the final maximum (the first in iteration order) receives it.
TEST(FortranWorksharing, ReductionOperatorsAndTheRuleOfTheMaximum) {
    Analysed a = analyseText(
        "subroutine f(n, u, m, lo, p, s, ok, bits)\n"
        "  integer :: n, i, bits\n"
        "  real(8) :: u(n), m, lo, p, s\n"
        "  logical :: ok\n"
        "!$omp parallel do reduction(max: m) reduction(min: lo) reduction(*: p) reduction(-: s) &\n"
        "!$omp& reduction(.and.: ok) reduction(ior: bits)\n"
        "  do i = 1, n\n"
        "    m = max(m, u(i))\n"
        "    lo = min(lo, u(i))\n"
        "    p = p * u(i)\n"
        "    s = s - u(i)\n"
        "    ok = ok .and. u(i) > 0\n"
        "    bits = ior(bits, i)\n"
        "  end do\n"
        "end subroutine\n");
    ASSERT_EQ(a.loops.size(), 1u) << formatDiagnostics(a.diags.sorted(), "f.f90", "");
    EXPECT_EQ(compact(a.loops[0]), "i:private/- m:reduction/firstprivate u:shared/shared lo:reduction/firstprivate "
                                   "p:reduction/firstprivate s:reduction/firstprivate ok:reduction/- bits:reduction/-");
    EXPECT_EQ(why(a.loops[0], "m"),
              "reduction(max) in the primal: every iteration reads the same _d_m, which the loop does not change; only "
              "the operand equal to the final max (the first such in iteration order, as the sequential loop keeps) "
              "receives _d_m, and _d_m keeps its value only if the initial value was the max");
    EXPECT_EQ(a.loops[0].find("lo")->reductionOp, "min");
    EXPECT_EQ(why(a.loops[0], "p"),
              "reduction(*) in the primal: every iteration reads the same _d_p, which the loop does not change; a factor "
              "e's adjoint is _d_p times the product of the other factors (s/e when e is not 0)");
    EXPECT_EQ(why(a.loops[0], "ok"), "int variable: no adjoint");
    // An operator OpenMP does not define is an error at the clause.
    Analysed bad = analyseText("subroutine g(n, s)\n  integer :: n, i\n  real(8) :: s\n"
                               "!$omp parallel do reduction(myadd: s)\n  do i = 1, n\n    s = s + 1\n  end do\nend\n");
    EXPECT_EQ(codes(bad.diags), (Strings{"4:19 omp-reduction-op"}));
}

// An array whose reads share the loop index in one dimension is disjoint across iterations,
// whatever the other subscripts (here set in a branch) are.
TEST(FortranWorksharing, PerDimensionIndexRule) {
    Analysed a = analyseText(
        "subroutine f(n, m, flux, pre_vol, out)\n"
        "  integer :: n, m, j, k, donor\n"
        "  real(8) :: flux(n, m), pre_vol(n, m), out(n, m)\n"
        "!$omp parallel do private(j, donor)\n"
        "  do k = 1, m\n"
        "    do j = 2, n\n"
        "      if (flux(j, k) > 0) then\n"
        "        donor = j - 1\n"
        "      else\n"
        "        donor = j\n"
        "      end if\n"
        "      out(j, k) = flux(j, k) / pre_vol(donor, k)\n"
        "    end do\n"
        "  end do\n"
        "end subroutine\n");
    ASSERT_EQ(a.loops.size(), 1u);
    EXPECT_EQ(compact(a.loops[0]),
              "k:private/- n:shared/- j:private/- flux:shared/shared donor:private/- pre_vol:shared/shared out:shared/shared");
    EXPECT_EQ(why(a.loops[0], "pre_vol"), "read pre_vol(donor,k) uses the index k (dimension 2), different in every "
                                          "iteration: no two threads update the same _d_pre_vol element");
}

TEST(FortranWorksharing, ReasonsNameTheRealCause) {
    Analysed a = analyseText(
        "subroutine f(n, u, v, w, c, r, lim)\n"
        "  integer :: n, i, k\n"
        "  integer :: c(n)\n"
        "  real(8) :: u(n), v(n), w(n), r(n), lim(n)\n"
        "!$omp parallel do private(k)\n"
        "  do i = 1, n\n"
        "    c(i) = c(i) + 1\n"
        "    if (u(i) > 0) then\n"
        "      k = i\n"
        "    else\n"
        "      k = i + 1\n"
        "    end if\n"
        "    r(i) = v(c(i)) + w(k)\n"
        "    if (lim(i) < lim(i+1)) r(i) = 0\n"
        "  end do\n"
        "end subroutine\n");
    ASSERT_EQ(a.loops.size(), 1u);
    EXPECT_EQ(compact(a.loops[0]),
              "i:private/- c:shared/- u:shared/shared k:private/- v:shared/atomic w:shared/atomic r:shared/shared lim:shared/shared");
    // Only compared: no adjoint contribution is claimed.
    EXPECT_EQ(why(a.loops[0], "u"), "only compared or used in conditions and subscripts (u(i)): no _d_u update in this loop");
    EXPECT_EQ(why(a.loops[0], "lim"),
              "only compared or used in conditions and subscripts (lim(i), lim(i+1)): no _d_lim update in this loop");
    EXPECT_EQ(why(a.loops[0], "v"), "read v(c(i)) uses the index array c, which the loop overwrites: threads may "
                                    "update the same _d_v element; any element may be hit: atomic updates");
    EXPECT_EQ(why(a.loops[0], "w"),
              "read w(k) has an index set in the loop (k: assigned in a branch, more than once or from a non-affine "
              "value): threads may update the same _d_w element; an unbounded array: atomic updates cost less than "
              "a private copy per thread");
}

TEST(FortranWorksharing, ScheduleIfNumThreadsSimdAndNowaitAreAccepted) {
    Analysed a = analyseText(
        "subroutine f(n, nt, u, r)\n"
        "  integer :: n, nt, i\n"
        "  real(8) :: u(n), r(n)\n"
        "!$omp parallel num_threads(nt) if(n > 1000) proc_bind(close)\n"
        "!$omp do simd schedule(monotonic: dynamic, 16) ordered\n"
        "  do i = 1, n\n"
        "    r(i) = u(i)\n"
        "  end do\n"
        "!$omp end do simd nowait\n"
        "!$omp single\n"
        "  r(1) = 0\n"
        "!$omp end single\n"
        "!$omp barrier\n"
        "!$omp end parallel\n"
        "!$omp parallel do schedule(static) if(.true.)\n"
        "  do i = 1, n\n"
        "    r(i) = r(i) + 1\n"
        "  end do\n"
        "!$omp end parallel do\n"
        "end subroutine\n");
    ASSERT_EQ(a.loops.size(), 2u);
    EXPECT_TRUE(a.diags.empty()) << formatDiagnostics(a.diags.sorted(), "f.f90", "");
    EXPECT_EQ(compact(a.loops[0]), "i:private/- u:shared/shared r:shared/shared");
    Analysed bad = analyseText("subroutine g(n, r)\n  integer :: n, i\n  real(8) :: r(n)\n"
                               "!$omp parallel do schedule(often) shared(i)\n  do i = 1, n\n    r(i) = 0\n  end do\nend\n");
    EXPECT_EQ(codes(bad.diags), (Strings{"4:19 omp-syntax"}));
}

TEST(FortranWorksharing, DirectivesThatAreNotAnalysedAreNotes) {
    Analysed a = analyseText(
        "subroutine f(n, r)\n"
        "  integer :: n, i\n"
        "  real(8) :: r(n)\n"
        "!$omp parallel sections\n"
        "!$omp section\n"
        "  r(1) = 0\n"
        "!$omp end parallel sections\n"
        "!$omp simd\n"
        "  do i = 1, n\n"
        "    r(i) = 1\n"
        "  end do\n"
        "!$omp task\n"
        "  r(2) = 2\n"
        "!$omp end task\n"
        "end subroutine\n");
    EXPECT_TRUE(a.loops.empty());
    EXPECT_EQ(codes(a.diags), (Strings{"4:7 omp-skipped", "8:7 omp-skipped", "12:7 omp-skipped"}));
    EXPECT_EQ(a.diags.sorted()[1].message,
              "'!$omp simd' is not analysed: a simd loop without do is not distributed over threads");
}

TEST(FortranWorksharing, LoopVariableAndExitRules) {
    Analysed a = analyseText(
        "subroutine f(n, r)\n"
        "  integer :: n, i\n"
        "  real(8) :: r(n)\n"
        "!$omp parallel do shared(i)\n"
        "  do i = 1, n\n"
        "    if (r(i) < 0) exit\n"
        "    r(i) = 1\n"
        "  end do\n"
        "!$omp end parallel\n"
        "end subroutine\n");
    EXPECT_EQ(codes(a.diags), (Strings{"4:26 omp-loop-var", "6:19 omp-syntax", "9:7 omp-syntax"}));
}

}  // namespace
}  // namespace lomaw::fortran::test
