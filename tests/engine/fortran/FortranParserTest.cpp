// The Fortran subset front end: the tree it builds for the inspector, and its diagnostics
// (exact line, column and code).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fortran/FortranParser.h"
#include "omp/ScopeAnalysis.h"

namespace lomaw::fortran::test {
namespace {

struct Parsed {
    ast::Module module;
    DiagnosticSink diags;
};

Parsed parseText(const std::string& text) {
    Parsed p;
    p.module = parse(text, p.diags);
    return p;
}

// "LINE:COL code" of every diagnostic, sorted.
std::vector<std::string> codes(const Parsed& p) {
    std::vector<std::string> out;
    for (const Diagnostic& d : p.diags.sorted())
        out.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.code);
    return out;
}

using Strings = std::vector<std::string>;

TEST(FortranParser, DeclarationsBecomeTypedParamsAndLocals) {
    Parsed p = parseText(
        "subroutine f(n, u, r, s)\n"
        "  integer, intent(in) :: n\n"
        "  double precision, dimension(n, 4), intent(in) :: u\n"
        "  real(kind=8) :: r(0:9)\n"
        "  real*8, intent(out) :: s\n"
        "  integer :: i, idx(5)\n"
        "  s = 0\n"
        "end subroutine f\n");
    ASSERT_FALSE(p.diags.hasErrors()) << formatDiagnostics(p.diags.sorted(), "f.f90", "");
    const ast::Function* f = p.module.findFunction("f");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(f->params.size(), 4u);
    EXPECT_EQ(toString(f->params[0].resolved), "int");
    EXPECT_FALSE(f->params[0].isOut);
    // dimension(n, 4): u(i, j) is u[i][j]; the outer extent n is unknown (unbounded).
    EXPECT_EQ(toString(f->params[1].resolved), "Array[Array[float, 4]]");
    EXPECT_EQ(toString(f->params[2].resolved), "Array[float, 10]");  // 0:9 -> 10 elements
    EXPECT_TRUE(f->params[2].isOut);  // no intent: inout
    EXPECT_TRUE(f->params[3].isOut);
    // Locals are Declare statements in front of the body.
    ASSERT_GE(f->body.size(), 3u);
    EXPECT_EQ(f->body[0]->kind, ast::Stmt::Kind::Declare);
    EXPECT_EQ(f->body[0]->name, "i");
    EXPECT_EQ(toString(f->body[1]->resolved), "Array[int, 5]");
    EXPECT_EQ(f->body[2]->kind, ast::Stmt::Kind::Assign);
}

TEST(FortranParser, LoopsPragmasIfElseAndReferences) {
    Parsed p = parseText(
        "SUBROUTINE G(N, A, B)\n"
        "  INTEGER N, I, J\n"
        "  DOUBLE PRECISION A(N, N), B(N)\n"
        "  !$OMP PARALLEL DO PRIVATE(J) &\n"
        "  !$OMP& SHARED(A, B) SCHEDULE(static)\n"
        "  DO I = N, 1, -1\n"
        "    DO J = 1, N\n"
        "      IF (A(I, J) .GT. 0.0D0) THEN\n"
        "        B(I) = B(I) + A(I, J) ** 2\n"
        "      ELSE IF (A(I, J) /= 1.5e-3) THEN\n"
        "        B(I) = B(I) - &\n"
        "               SUM(A(I, 1:J))\n"
        "      ELSE\n"
        "        B(I) = 0\n"
        "      END IF\n"
        "    END DO\n"
        "  END DO\n"
        "  !$OMP END PARALLEL DO\n"
        "END\n");
    EXPECT_EQ(codes(p), (Strings{"5:23 omp-unknown-clause"}));
    const ast::Function* g = p.module.findFunction("g");  // names are case-insensitive
    ASSERT_NE(g, nullptr);
    const ast::Stmt* loop = nullptr;
    for (const ast::StmtPtr& s : g->body)
        if (s->kind == ast::Stmt::Kind::For) loop = s.get();
    ASSERT_NE(loop, nullptr);
    EXPECT_EQ(loop->loc.line, 6);
    EXPECT_EQ(loop->name, "i");
    ASSERT_TRUE(loop->pragma.has_value());
    ASSERT_EQ(loop->pragma->clauses.size(), 3u);
    EXPECT_EQ(loop->pragma->clauses[1].vars[1].name, "b");
    EXPECT_EQ(loop->pragma->clauses[1].vars[1].loc.line, 5);
    // do i = n, 1, -1 -> range(n, 1 - 1, -1)
    ASSERT_EQ(loop->rangeArgs.size(), 3u);
    EXPECT_EQ(loop->rangeArgs[1]->op, ast::BinaryOp::Sub);
    const ast::Stmt& inner = *loop->body[0];
    ASSERT_EQ(inner.kind, ast::Stmt::Kind::For);
    const ast::Stmt& ifs = *inner.body[0];
    ASSERT_EQ(ifs.kind, ast::Stmt::Kind::If);
    ASSERT_EQ(ifs.orelse.size(), 1u);  // else if: an If in the else branch
    const ast::Stmt& elseIf = *ifs.orelse[0];
    EXPECT_EQ(elseIf.kind, ast::Stmt::Kind::If);
    EXPECT_EQ(elseIf.value->name, "ne");
    ASSERT_EQ(elseIf.orelse.size(), 1u);
    // b(i) = b(i) - sum(a(i, 1:j)): a[i][__slice(1, j)]
    const ast::Expr& sum = *elseIf.body[0]->value->operands[1];
    EXPECT_EQ(sum.kind, ast::Expr::Kind::Call);
    const ast::Expr& section = *sum.operands[0];
    EXPECT_EQ(section.kind, ast::Expr::Kind::Index);
    EXPECT_EQ(section.operands[1]->name, "__slice");
    EXPECT_EQ(ifs.body[0]->value->operands[1]->name, "pow");
}

TEST(FortranParser, UnsupportedFortranIsReportedWhereItIs) {
    Parsed p = parseText(
        "module m\n"
        "subroutine f(x)\n"
        "  implicit none\n"
        "  double precision :: x\n"
        "  integer :: i\n"
        "  do while (x > 0)\n"
        "  print *, x\n"
        "  y = 2\n"
        "  x = x @ 2\n"
        "end subroutine\n");
    EXPECT_EQ(codes(p), (Strings{"1:1 fortran-unsupported", "6:6 fortran-unsupported", "7:3 fortran-unsupported",
                                 "8:3 fortran-undeclared", "9:9 fortran-syntax"}));
}

// Directive positions are those of the word after the `!$omp` sentinel and of the clause.
TEST(FortranParser, PragmaSanityRules) {
    Parsed p = parseText(
        "subroutine f(n, u, r)\n"
        "  integer :: n, i\n"
        "  double precision :: u(n), r(n), t\n"
        "  !$omp parallel do default(none) default(shared) shared(u) private(u) shared(q)\n"
        "  do i = 1, n\n"
        "    t = u(i)\n"
        "    r(i) = t\n"
        "  end do\n"
        "  !$omp parallel do reduction(*:t) shared(i)\n"
        "  do i = 1, n\n"
        "    t = t * u(i)\n"
        "  end do\n"
        "  !$omp parallel do\n"
        "  r(1) = 0\n"
        "end subroutine\n");
    EXPECT_EQ(codes(p), (Strings{"4:35 omp-default-dup", "4:69 omp-clause-conflict", "4:79 omp-unknown-var",
                                 "6:5 omp-default-none", "7:5 omp-default-none", "9:21 omp-reduction-op",
                                 "9:43 omp-loop-var", "13:9 pragma-ignored"}));
}

}  // namespace
}  // namespace lomaw::fortran::test

namespace lomaw::fortran::test {
namespace {

// Every prefix of the stencil collection (cut mid-statement, mid-directive, mid-loop) gives
// diagnostics or a module, never a crash, and the analysis of what parsed never crashes.
TEST(FortranParser, EveryPrefixOfTheStencilsIsHandled) {
    std::ifstream in(std::string(LOMAW_TEST_KERNELS) + "/fortran/stencils.f90");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    ASSERT_GT(text.size(), 1000u);
    size_t withErrors = 0;
    for (size_t cut = 0; cut <= text.size(); cut += 7) {
        DiagnosticSink diags;
        ast::Module m = parse(std::string_view(text).substr(0, cut), diags);
        if (diags.hasErrors()) ++withErrors;
        for (const Diagnostic& d : diags.raw()) EXPECT_TRUE(d.loc.valid()) << d.message;
        omp::analyseModule(m);
    }
    EXPECT_GT(withErrors, 0u);  // most cuts leave a subroutine open
}

}  // namespace
}  // namespace lomaw::fortran::test
