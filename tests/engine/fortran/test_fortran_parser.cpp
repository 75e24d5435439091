// The Fortran subset front end: the tree it builds for the inspector, and its diagnostics
// (exact line, column and code).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "FortranTestUtil.h"
#include "fortran/FortranParser.h"
#include "omp/AccessInspector.h"
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

std::vector<std::string> codes(const Parsed& p) { return codesOf(p.diags); }

// The last for loop over `var` among the function's top-level statements (null if none).
const ast::Stmt* topLevelLoop(const ast::Function& f, const std::string& var) {
    const ast::Stmt* loop = nullptr;
    for (const ast::StmtPtr& s : f.body)
        if (s->kind == ast::Stmt::Kind::For && s->name == var) loop = s.get();
    return loop;
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
    EXPECT_TRUE(codes(p).empty()) << formatDiagnostics(p.diags.sorted(), "g.f90", "");  // schedule is known
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

// One cause, one error: an unknown name in a block if's condition does not orphan its else
// and end if; invalid shapes and undefined procedures are notes, the rest still parses.
TEST(FortranParser, OneErrorPerCauseAndNotesForWhatIsSkipped) {
    Parsed p = parseText(
        "subroutine f(n, u, r)\n"
        "  implicit none\n"
        "  integer :: n, i\n"
        "  double precision :: u(n), r(n)\n"
        "  do i = 1, n - 1\n"
        "    if (undefined_name > 0) then\n"
        "      r(i) = 1\n"
        "    else if (u(i) > 1) then\n"
        "      r(i) = 2\n"
        "    else\n"
        "      r(i) = undefined_name\n"
        "    end if\n"
        "    r(i) = 2*u(i:i+1)\n"
        "    call not_in_this_file(u(i), r(i))\n"
        "    call not_in_this_file(u(i), r(i))\n"
        "  end do\n"
        "  x = x @ 2\n"
        "end subroutine\n");
    EXPECT_EQ(codes(p), (Strings{"6:9 fortran-undeclared", "13:13 fortran-rank", "14:10 fortran-external",
                                 "17:9 fortran-syntax"}));
    const std::vector<Diagnostic> ds = p.diags.sorted();
    EXPECT_EQ(ds[1].severity, Severity::Note);
    EXPECT_EQ(ds[2].message, "subroutine 'not_in_this_file' is not defined in this file: its arguments are taken as "
                             "read and written");
}

TEST(FortranParser, ModulesContainsUseParametersAndDerivedTypes) {
    Parsed p = parseText(
        "module mesh\n"
        "  implicit none\n"
        "  integer, parameter :: nx = 8, ny = nx * 2\n"
        "  type chunk_type\n"
        "    real(8), allocatable :: u(:, :)\n"
        "    integer :: x_min = 1\n"
        "  end type chunk_type\n"
        "  type(chunk_type), allocatable :: chunks(:)\n"
        "  real(8) :: coef(nx) = 0\n"
        "contains\n"
        "  subroutine fill(c, v)\n"
        "    integer, intent(in) :: c\n"
        "    real(8), intent(in) :: v\n"
        "    integer :: j\n"
        "    do j = chunks(c)%x_min, nx\n"
        "      chunks(c)%u(j, 1) = v * coef(j)\n"
        "    end do\n"
        "  end subroutine fill\n"
        "end module mesh\n"
        "program main\n"
        "  use mesh, only: fill, ny\n"
        "  implicit none\n"
        "  integer :: k\n"
        "  do k = 1, ny\n"
        "    call fill(k, 1.0d0)\n"
        "  end do\n"
        "end program main\n");
    ASSERT_TRUE(codes(p).empty()) << formatDiagnostics(p.diags.sorted(), "m.f90", "");
    const ast::Function* fill = p.module.findFunction("fill");
    ASSERT_NE(fill, nullptr);
    ASSERT_NE(p.module.findFunction("main"), nullptr);
    EXPECT_FALSE(fill->params[0].isOut);  // intent(in)
    // Module variables and component paths are declared in the procedure that uses them:
    // chunks(c)%u(j,1) is the variable "chunks%u" with three subscripts.
    std::map<std::string, std::string> declared;
    for (const ast::StmtPtr& s : fill->body)
        if (s->kind == ast::Stmt::Kind::Declare) declared[s->name] = toString(s->resolved);
    EXPECT_EQ(declared["coef"], "Array[float, 8]");  // nx is a constant: a static extent
    EXPECT_EQ(declared["chunks%u"], "Array[Array[Array[float]]]");
    EXPECT_EQ(declared["chunks%x_min"], "Array[int]");
    const ast::Stmt& loop = *fill->body.back();
    ASSERT_EQ(loop.kind, ast::Stmt::Kind::For);
    EXPECT_EQ(omp::exprText(*loop.body[0]->target), "chunks%u[c][j][1]");
}

TEST(FortranParser, EveryExecutableStatementAroundALoop) {
    Parsed p = parseText(
        "subroutine f(n, u, r)\n"
        "  integer, intent(in) :: n\n"
        "  real(8), intent(inout) :: u(n), r(n)\n"
        "  real(8), allocatable :: tmp(:)\n"
        "  integer :: i, j, it, kind_of\n"
        "  character(len=16) :: label\n"
        "  allocate(tmp(n))\n"
        "  it = 0\n"
        "  do while (it < 10)\n"
        "    it = it + 1\n"
        "  end do\n"
        "  outer: do i = 1, n\n"
        "    if (u(i) < 0) cycle outer\n"
        "    if (u(i) > 1e9) exit\n"
        "    select case (mod(i, 3))\n"
        "    case (0)\n"
        "      r(i) = u(i)\n"
        "    case (1:2)\n"
        "      r(i) = -u(i)\n"
        "    case default\n"
        "      continue\n"
        "    end select\n"
        "  end do outer\n"
        "  do 10 j = 1, n\n"
        "    tmp(j) = r(j)\n"
        "10 continue\n"
        "  where (tmp > 0) r = tmp\n"
        "  forall (j = 1:n) u(j) = 2 * u(j)\n"
        "  write (label, '(i4)') n\n"
        "  print *, 'sum', sum(r), (r(j), j = 1, n)\n"
        "  read (*, *, iostat=kind_of) j\n"
        "  deallocate(tmp)\n"
        "  if (n < 0) return\n"
        "  stop\n"
        "end subroutine f\n");
    ASSERT_TRUE(codes(p).empty()) << formatDiagnostics(p.diags.sorted(), "f.f90", "");
    const ast::Function* f = p.module.findFunction("f");
    ASSERT_NE(f, nullptr);
    const ast::Stmt* outer = topLevelLoop(*f, "i");
    ASSERT_NE(outer, nullptr);
    // if (...) cycle: the statements after it are wrapped in an always-true If (conditional).
    ASSERT_EQ(outer->body.size(), 2u);
    EXPECT_EQ(outer->body[0]->kind, ast::Stmt::Kind::If);
    const ast::Stmt& rest = *outer->body[1];
    ASSERT_EQ(rest.kind, ast::Stmt::Kind::If);
    EXPECT_EQ(rest.value->kind, ast::Expr::Kind::IntLit);
    // ... and after the exit again; the select is a passive read and an if chain of its cases.
    const ast::Stmt& afterExit = *rest.body.back();
    ASSERT_EQ(afterExit.kind, ast::Stmt::Kind::If);
    ASSERT_EQ(afterExit.body.size(), 2u);
    const ast::Stmt& firstCase = *afterExit.body[1];
    EXPECT_EQ(firstCase.value->name, "__case");
    ASSERT_EQ(firstCase.orelse.size(), 1u);
    ASSERT_EQ(firstCase.orelse[0]->orelse.size(), 1u);  // case (1:2), then case default
    EXPECT_TRUE(firstCase.orelse[0]->orelse[0]->body.empty());  // it holds only continue
    bool sawWhile = false;
    for (const ast::StmtPtr& s : f->body) sawWhile = sawWhile || s->kind == ast::Stmt::Kind::While;
    EXPECT_TRUE(sawWhile);
}

TEST(FortranParser, FixedFormLabelsContinuationsAndSentinels) {
    DiagnosticSink diags;
    const Unit unit = parseUnit(
        "C     a comment line\n"
        "      SUBROUTINE AXPY(N, A, X, Y)\n"
        "      IMPLICIT DOUBLE PRECISION (A-H, O-Z)\n"
        "      DIMENSION X(N), Y(N)\n"
        "*     another comment\n"
        "C$OMP PARALLEL DO\n"
        "C$OMP+SHARED(X, Y)\n"
        "      DO 10 I = 1,\n"
        "     &        N\n"
        "         Y(I) = Y(I) + A*X(I)                                           IGNORED\n"  // columns 73 on are not code
        "   10 CONTINUE\n"
        "      END\n",
        diags, SourceForm::Fixed);
    ASSERT_FALSE(diags.hasErrors()) << formatDiagnostics(diags.sorted(), "a.f", "");
    ASSERT_EQ(unit.loops.size(), 1u);
    EXPECT_EQ(unit.loops[0].loop->loc.line, 8);
    const std::vector<omp::LoopScopes> scopes = analyse(unit, {});
    std::string names;
    for (const omp::VariableScope& v : scopes[0].variables) names += v.name + " ";
    EXPECT_EQ(names, "i y a x ");
    EXPECT_EQ(scopes[0].find("a")->adjoint, omp::Scope::Reduction);  // implicit double precision
    EXPECT_EQ(formOf("x.f"), SourceForm::Fixed);
    EXPECT_EQ(formOf("x.F90"), SourceForm::Free);
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
    // q is typed implicitly (no implicit none), as gfortran does; reduction(*) is valid.
    EXPECT_EQ(codes(p), (Strings{"4:35 omp-default-dup", "4:69 omp-clause-conflict", "6:5 omp-default-none",
                                 "7:5 omp-default-none", "9:43 omp-loop-var", "13:9 pragma-ignored"}));
}

}  // namespace
}  // namespace lomaw::fortran::test

namespace lomaw::fortran::test {
namespace {

// An implied do reads the same in an array constructor as in an I/O list: a for loop over its
// variable, placed before the statement, and the variable must be declared under implicit none.
TEST(FortranParser, ImpliedDoInAnArrayConstructorIsALoopOverADeclaredVariable) {
    Parsed p = parseText(
        "subroutine f(n, r)\n"
        "  implicit none\n"
        "  integer, intent(in) :: n\n"
        "  real, intent(out) :: r(4)\n"
        "  integer :: k\n"
        "  r = [(2.0 * k, k = 1, 4)]\n"
        "end subroutine f\n");
    ASSERT_TRUE(codes(p).empty()) << formatDiagnostics(p.diags.sorted(), "f.f90", "");
    const ast::Function* f = p.module.findFunction("f");
    ASSERT_NE(f, nullptr);
    const ast::Stmt* loop = topLevelLoop(*f, "k");
    ASSERT_NE(loop, nullptr);
    EXPECT_EQ(loop->name, "k");
    EXPECT_EQ(loop->loc.line, 6);
    EXPECT_EQ(loop->loc.col, 8);  // the implied do's '('
    EXPECT_EQ(loop->rangeArgs.size(), 2u);

    Parsed undeclared = parseText(
        "subroutine g(r)\n"
        "  implicit none\n"
        "  real, intent(out) :: r(4)\n"
        "  r = [(1.0, m = 1, 4)]\n"
        "end subroutine g\n");
    EXPECT_EQ(codes(undeclared), Strings{"4:14 fortran-undeclared"});
}

// A coarray image selector is named as such (before: "expected ')' before '['"); an array
// constructor's '[' after '=' or '(' is not one.
TEST(FortranParser, CoarrayImageSelectorsAreUnsupportedArrayConstructorsAreNot) {
    Parsed p = parseText(
        "subroutine f(n, g, r)\n"
        "  integer :: n, p\n"
        "  real :: g(n)[*], r(3)\n"
        "  r = [1.0, 2.0, g(1)]\n"
        "  g(1)[p] = r(2)\n"
        "end subroutine f\n");
    EXPECT_EQ(codes(p), Strings{"5:7 fortran-syntax"});
    ASSERT_EQ(p.diags.sorted().size(), 1u);
    EXPECT_EQ(p.diags.sorted()[0].message,
              "coarray image selectors ('a(i)[p]', Fortran 2008 coarrays) are not supported");
}

// A preprocessor line continued with '\\' is one preprocessor line in both source forms: its
// continuation `&& B` is not read as a statement (free form) or a comment-less line (fixed form).
TEST(FortranParser, PreprocessorLinesContinueWithABackslash) {
    DiagnosticSink freeDiags;
    const Unit free = parseUnit(
        "subroutine f(n, r)\n"
        "  integer :: n, i\n"
        "  real :: r(n)\n"
        "#if defined(A) \\\n"
        " && (B < 2)\n"
        "  !$omp parallel do\n"
        "#endif\n"
        "  do i = 1, n\n"
        "    r(i) = 0.0\n"
        "  end do\n"
        "end subroutine f\n",
        freeDiags, SourceForm::Free);
    EXPECT_FALSE(freeDiags.hasErrors()) << formatDiagnostics(freeDiags.sorted(), "f.F90", "");
    EXPECT_EQ(free.loops.size(), 1u);

    DiagnosticSink diags;
    const Unit fixed = parseUnit(
        "      SUBROUTINE G(N, R)\n"
        "      DIMENSION R(N)\n"
        "#if defined(A) \\\n"
        "   && B\n"
        "C$OMP PARALLEL DO\n"
        "#endif\n"
        "      DO 10 I = 1, N\n"
        "         R(I) = 0.0\n"
        "   10 CONTINUE\n"
        "      END\n",
        diags, SourceForm::Fixed);
    EXPECT_FALSE(diags.hasErrors()) << formatDiagnostics(diags.sorted(), "g.f", "");
    EXPECT_EQ(fixed.loops.size(), 1u);
}

// Constructs of mini-apps outside the corpus (NPB, SNAP, miniWeather; docs/omp.md): each valid
// Fortran (gfortran -fopenmp -fsyntax-only, -cpp with the -D macros, `sizes.h` aside).

std::string scopesText(const std::string& text, DiagnosticSink& diags, SourceForm form = SourceForm::Free) {
    const Unit unit = parseUnit(text, diags, form);
    std::string out;
    if (!diags.hasErrors())
        for (const omp::LoopScopes& loop : analyse(unit, {})) out += compact(loop) + ";";
    return out;
}

// A comment line between continuation lines does not end the statement (a term left out).
TEST(FortranParser, CommentLinesBetweenContinuationLines) {
    DiagnosticSink diags;
    const std::string scopes = scopesText(
        "subroutine f(n, r, a, b)\n"
        "  integer, intent(in) :: n\n"
        "  real, intent(in) :: a(n), b(n)\n"
        "  real, intent(out) :: r(n)\n"
        "  integer :: i\n"
        "  !$omp parallel do\n"
        "  do i = 1, n\n"
        "    r(i) = a(i) &\n"
        "!   + 2.0 * b(i)   a term left out\n"
        "\n"
        "           - b(i)\n"
        "  end do\n"
        "end subroutine f\n",
        diags);
    EXPECT_TRUE(codesOf(diags).empty()) << formatDiagnostics(diags.sorted(), "f.f90", "");
    EXPECT_EQ(scopes, "i:private/- a:shared/shared b:shared/shared r:shared/shared;");
}

// ((a(i,j), i = 1, n), j = 1, m): nested implied do loops, in an I/O list and in an array
// constructor, are nested for loops (j outside).
TEST(FortranParser, NestedImpliedDoLoops) {
    Parsed p = parseText(
        "subroutine f(n, m, a, r)\n"
        "  implicit none\n"
        "  integer, intent(in) :: n, m\n"
        "  real, intent(in) :: a(n, m)\n"
        "  real, intent(out) :: r(6)\n"
        "  integer :: i, j\n"
        "  write (*, *) ((a(i, j), i = 1, n), j = 1, m)\n"
        "  r = [((real(i * j), i = 1, 2), j = 1, 3)]\n"
        "end subroutine f\n");
    ASSERT_TRUE(codes(p).empty()) << formatDiagnostics(p.diags.sorted(), "f.f90", "");
    const ast::Function* f = p.module.findFunction("f");
    ASSERT_NE(f, nullptr);
    std::vector<int> outerLines;
    for (const ast::StmtPtr& s : f->body) {
        if (s->kind != ast::Stmt::Kind::For) continue;
        EXPECT_EQ(s->name, "j");
        outerLines.push_back(s->loc.line);
        ASSERT_FALSE(s->body.empty());
        EXPECT_EQ(s->body[0]->kind, ast::Stmt::Kind::For);
        EXPECT_EQ(s->body[0]->name, "i");
    }
    EXPECT_EQ(outerLines, (std::vector<int>{7, 8}));
}

// BOZ constants are integers (z'1F' is 31); dconjg and dimag are the double complex intrinsics.
TEST(FortranParser, BozConstantsAndDoubleComplexIntrinsics) {
    Parsed p = parseText(
        "subroutine f(u1, u, m)\n"
        "  implicit none\n"
        "  complex(8), intent(out) :: u1\n"
        "  complex(8), intent(in) :: u\n"
        "  integer(8), intent(out) :: m\n"
        "  m = z'1F' + (b'101' + o'17')\n"
        "  u1 = dconjg(u) + dimag(u)\n"
        "end subroutine f\n");
    ASSERT_TRUE(codes(p).empty()) << formatDiagnostics(p.diags.sorted(), "f.f90", "");
    const ast::Function* f = p.module.findFunction("f");
    ASSERT_NE(f, nullptr);
    ASSERT_GE(f->body.size(), 1u);
    const ast::Expr& sum = *f->body[0]->value;
    ASSERT_EQ(sum.kind, ast::Expr::Kind::Binary);
    EXPECT_EQ(sum.operands[0]->intValue, 31);
    EXPECT_EQ(sum.operands[1]->operands[0]->intValue, 5);
    EXPECT_EQ(sum.operands[1]->operands[1]->intValue, 15);
}

// include 'file' is not read: like a module outside the file, its names are typed by their
// first letter (nmax integer, scale real), with a note; not an undeclared name.
TEST(FortranParser, IncludedFileProvidesNames) {
    DiagnosticSink diags;
    const std::string scopes = scopesText(
        "subroutine f(r)\n"
        "  implicit none\n"
        "  include 'sizes.h'\n"
        "  real :: r(nmax)\n"
        "  integer :: i\n"
        "  !$omp parallel do\n"
        "  do i = 1, nmax\n"
        "    r(i) = scale * i\n"
        "  end do\n"
        "end subroutine f\n",
        diags);
    EXPECT_EQ(codesOf(diags), Strings{"3:11 fortran-external"});
    EXPECT_EQ(scopes, "i:private/- scale:shared/reduction r:shared/shared;");
}

// The branches of an #ifdef may declare the same name (one is compiled): a note, not an error;
// the same name declared twice outside alternative branches still is one. A name starting with
// '_' is a macro of the build (-D_NX=...): a constant, so default(none) does not ask for it.
TEST(FortranParser, PreprocessorAlternativesAndMacros) {
    DiagnosticSink diags;
    const std::string scopes = scopesText(
        "program p\n"
        "  implicit none\n"
        "#ifdef SINGLE\n"
        "  integer, parameter :: rp = 4\n"
        "#else\n"
        "#  if defined(QUAD)\n"
        "  integer, parameter :: rp = 16\n"
        "#  endif\n"
        "  integer, parameter :: rp = 8\n"
        "#endif\n"
        "  integer, parameter :: nx = _NX\n"
        "  real(rp) :: u(nx), dt\n"
        "  integer :: i\n"
        "  dt = _DT\n"
        "  !$omp parallel do default(none) shared(u, dt)\n"
        "  do i = 1, nx\n"
        "    u(i) = u(i) * dt\n"
        "  end do\n"
        "end program p\n",
        diags);
    // rp at line 7 is an alternative of line 4; line 9 (same #else branch as line 7's #if) is not
    // an alternative of line 7, but is one of line 4, the first declaration: a note.
    EXPECT_EQ(codesOf(diags), (Strings{"3:1 fortran-skipped", "7:25 fortran-skipped", "9:25 fortran-skipped",
                                       "11:30 fortran-external", "14:8 fortran-external"}));
    EXPECT_EQ(scopes, "i:private/- u:shared/shared dt:shared/reduction;");

    DiagnosticSink twice;
    scopesText(
        "module m\n"
        "#ifdef A\n"
        "  integer :: y\n"
        "#endif\n"
        "  integer :: y\n"
        "end module m\n",
        twice);
    EXPECT_EQ(codesOf(twice), (Strings{"2:1 fortran-skipped", "5:14 fortran-redeclared"}));
}

// An omitted section bound (u(:, j), SNAP's qi(:,j,k,g)) is no variable of the report (it was
// one named ""), and the kind of a conversion, real(g, rk), is no value read: rk's adjoint is
// not a reduction (it was, rk coming from a module outside the file).
TEST(FortranParser, WholeDimensionSectionsAndKindArgumentsAreNoValues) {
    DiagnosticSink diags;
    const std::string scopes = scopesText(
        "subroutine f(n, u, v)\n"
        "  use kinds\n"
        "  implicit none\n"
        "  integer, intent(in) :: n\n"
        "  real(8), intent(in) :: u(4, n)\n"
        "  real(8), intent(out) :: v(4, n)\n"
        "  integer :: j\n"
        "  !$omp parallel do\n"
        "  do j = 1, n\n"
        "    v(:, j) = u(:, j) * real(j, rk)\n"
        "  end do\n"
        "end subroutine f\n",
        diags);
    EXPECT_EQ(codesOf(diags), Strings{"2:7 fortran-external"});
    EXPECT_EQ(scopes, "j:private/- u:shared/shared rk:shared/shared v:shared/shared;");
}

// #ifdef / do i = 1, n / #else / do concurrent (...) / #endif / body / end do: the first branch
// leaves the do open, so the #else branch (which would open a second one) is not read.
// do concurrent locality specs (Fortran 2018) are read and skipped.
TEST(FortranParser, LaterBranchesAfterAnOpenConstructAreNotRead) {
    Parsed p = parseText(
        "subroutine f(n, a, b, s)\n"
        "  implicit none\n"
        "  integer, intent(in) :: n\n"
        "  real, intent(in) :: a(n), b(n)\n"
        "  real, intent(out) :: s\n"
        "  integer :: i\n"
        "  s = 0.0\n"
        "#ifdef PLAIN\n"
        "  do i = 1, n\n"
        "#else\n"
        "  do concurrent (i = 1:n) shared(a, b) reduce(+:s)\n"
        "#endif\n"
        "    s = s + a(i) * b(i)\n"
        "  end do\n"
        "  do concurrent (i = 1:n) local(s) default(none)\n"
        "    s = a(i)\n"
        "  end do\n"
        "end subroutine f\n");
    EXPECT_EQ(codes(p), (Strings{"8:1 fortran-skipped", "10:1 fortran-skipped"}));
    const ast::Function* f = p.module.findFunction("f");
    ASSERT_NE(f, nullptr);
    const ast::Stmt* loop = topLevelLoop(*f, "i");
    ASSERT_NE(loop, nullptr);
    EXPECT_EQ(loop->loc.line, 15);
}

// Declarations of their own in BLOCK constructs may reuse a name (each block is a scope); two in
// one block are still one too many.
TEST(FortranParser, BlockConstructsDeclareTheirOwnNames) {
    Parsed p = parseText(
        "program p\n"
        "  implicit none\n"
        "  block\n"
        "    character(len=8) :: label\n"
        "    label = 'a'\n"
        "  end block\n"
        "  block\n"
        "    character(len=16) :: label\n"
        "    integer :: k, k\n"
        "    label = 'b'\n"
        "  end block\n"
        "end program p\n");
    EXPECT_EQ(codes(p), Strings{"9:19 fortran-redeclared"});
}

// An #ifdef inside a continued statement: its first branch is read, the others are not (they
// would declare one and two again). A line of an #else branch that is not Fortran (a guard in
// place of #error) is a note. CUDA Fortran's device attribute has no effect on the scopes.
TEST(FortranParser, PreprocessorBranchesInsideAStatementAndGuards) {
    Parsed p = parseText(
        "module m\n"
        "  implicit none\n"
        "  real(8), parameter :: &\n"
        "#ifdef SINGLE\n"
        "     one = 1.0e0, &\n"
        "     two = 2.0e0\n"
        "#else\n"
        "     one = 1.0d0, &\n"
        "     two = 2.0d0\n"
        "#endif\n"
        "#if defined(REAL8)\n"
        "  integer, parameter :: rk = 8\n"
        "#else\n"
        "  Set the precision with -DREAL8.\n"
        "#endif\n"
        "#ifdef USE_DEVICE\n"
        "  real(8), allocatable, device :: a(:)\n"
        "#else\n"
        "  real(8), allocatable :: a(:)\n"
        "#endif\n"
        "end module m\n");
    EXPECT_EQ(codes(p), (Strings{"11:1 fortran-skipped", "14:33 fortran-skipped", "19:27 fortran-skipped"}));
}

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
        const Unit unit = parseUnit(std::string_view(text).substr(0, cut), diags);
        if (diags.hasErrors()) ++withErrors;
        for (const Diagnostic& d : diags.raw()) EXPECT_TRUE(d.loc.valid()) << d.message;
        analyse(unit, {});
    }
    EXPECT_GT(withErrors, 0u);  // most cuts leave a subroutine open
}

}  // namespace
}  // namespace lomaw::fortran::test
