// `lomaw scopes FILE`: the exact JSON for a kernel and a Fortran file, exit codes, and the
// scope comments of `lomaw emit --stage omp`.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

TEST(ScopesCli, KernelReportIsExactJson) {
    // v read at its own index i -> shared; u read at i-1 and i+1 -> atomic (unbounded); s reduction
    // -> firstprivate; n int -> null.
    TempKernel k(
        "def f(u : In[Array[float]], v : Out[Array[float]], n : In[int]) -> float:\n"
        "    s : float\n"
        "    #pragma omp parallel for reduction(+:s)\n"
        "    for i in range(1, n - 1):\n"
        "        v[i] = u[i - 1] + u[i + 1]\n"
        "        s = s + v[i] * v[i]\n"
        "    return s\n");
    ProcessResult r = lomaw({"scopes", k.path()});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out,
              "[\n"
              "  {\"function\": \"f\", \"line\": 4, \"variables\": [\n"
              "    {\"name\": \"i\", \"primal\": \"private\", \"adjoint\": null, \"why\": \"loop variable: private, an int with no adjoint\"},\n"
              "    {\"name\": \"u\", \"primal\": \"shared\", \"adjoint\": \"atomic\", \"why\": \"reads u[i-1], u[i+1] are not written by the same iteration: threads may update the same _d_u element; an unbounded array: atomic updates cost less than a private copy per thread\"},\n"
              "    {\"name\": \"v\", \"primal\": \"shared\", \"adjoint\": \"shared\", \"why\": \"read v[i] uses the index i, different in every iteration: no two threads update the same _d_v element\"},\n"
              "    {\"name\": \"s\", \"primal\": \"reduction\", \"adjoint\": \"firstprivate\", \"why\": \"reduction(+) in the primal: every iteration reads the same _d_s, which the loop does not change\"}\n"
              "  ]}\n"
              "]\n");
    nlohmann::json j = nlohmann::json::parse(r.out);  // and it is JSON
    EXPECT_TRUE(j[0]["variables"][0]["adjoint"].is_null());
}

TEST(ScopesCli, FortranFileAndForcedScopes) {
    TempKernel k(
        "subroutine smooth(n, u, r, a)\n"
        "  integer, intent(in) :: n\n"
        "  double precision, intent(in) :: u(n), a\n"
        "  double precision, intent(out) :: r(n)\n"
        "  integer :: i\n"
        "  !$omp parallel do\n"
        "  do i = 2, n - 1\n"
        "    r(i) = a * (u(i-1) + u(i+1))\n"
        "  end do\n"
        "end subroutine\n",
        "smooth.f90");
    ProcessResult r = lomaw({"scopes", k.path()});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["function"], "smooth");
    EXPECT_EQ(j[0]["line"], 7);
    std::map<std::string, std::string> adj;
    for (const auto& v : j[0]["variables"]) adj[v["name"]] = v["adjoint"].is_null() ? "null" : v["adjoint"].get<std::string>();
    EXPECT_EQ(adj, (std::map<std::string, std::string>{{"i", "null"}, {"a", "reduction"}, {"u", "atomic"}, {"r", "shared"}}));
    // --reduction u / --atomic a swap the cost choice.
    ProcessResult forced = lomaw({"scopes", k.path(), "--reduction", "u", "--atomic", "a"});
    ASSERT_EQ(forced.exitCode, 0) << forced.err;
    nlohmann::json f = nlohmann::json::parse(forced.out);
    for (const auto& v : f[0]["variables"]) {
        if (v["name"] == "u") {
            EXPECT_EQ(v["adjoint"], "reduction");
        }
        if (v["name"] == "a") {
            EXPECT_EQ(v["adjoint"], "atomic");
        }
    }
}

TEST(ScopesCli, ErrorsAreExitOneUnreadableIsTwo) {
    TempKernel bad("def f(x : In[float]) -> float:\n    return y\n");
    ProcessResult r = lomaw({"scopes", bad.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.rfind(bad.path() + ":2:12: error: ", 0), 0u) << r.out;

    TempKernel badF("subroutine f(x)\n  implicit none\n  real :: x\n  print *, x\n  x = y\nend\n", "bad.f90");
    ProcessResult rf = lomaw({"scopes", badF.path()});
    EXPECT_EQ(rf.exitCode, 1);
    EXPECT_EQ(rf.out.rfind(badF.path() + ":5:7: error: ", 0), 0u) << rf.out;
    EXPECT_NE(rf.out.find("[fortran-undeclared]"), std::string::npos) << rf.out;

    ProcessResult missing = lomaw({"scopes", "/nonexistent/kernel.py"});
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_EQ(missing.out, "");
}

// A whole mini-app module (tests/kernels/fortran): split PARALLEL/DO regions, derived types;
// notes for what is skipped go to stderr, the exit code stays 0.
TEST(ScopesCli, FortranMiniAppModule) {
    ProcessResult r = lomaw({"scopes", std::string(LOMAW_TEST_KERNELS) + "/fortran/tea_cg.f90"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    nlohmann::json j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 6u);
    EXPECT_EQ(j[1]["function"], "cg_init");
    EXPECT_EQ(j[1]["variables"][3]["name"], "rro");
    EXPECT_EQ(j[1]["variables"][3]["primal"], "reduction");
    ProcessResult fixed = lomaw({"scopes", std::string(LOMAW_TEST_KERNELS) + "/fortran/legacy_blas.f"});
    ASSERT_EQ(fixed.exitCode, 0) << fixed.out << fixed.err;
    EXPECT_EQ(nlohmann::json::parse(fixed.out).size(), 5u);
}

TEST(ScopesCli, NoParallelLoopIsAnEmptyList) {
    TempKernel k("def f(x : In[float]) -> float:\n    return x\n");
    ProcessResult r = lomaw({"scopes", k.path()});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out, "[]\n");
}

TEST(ScopesCli, EmitOmpPutsTheDecisionsBesideThePragma) {
    TempKernel k(
        "def f(u : In[Array[float]], v : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(1, n - 1):\n"
        "        v[i] = u[i - 1] + u[i + 1]\n");
    ProcessResult r = lomaw({"emit", k.path(), "--stage", "omp"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const size_t comment = r.out.find("/* OpenMP scopes of the parallel loop at line 3");
    ASSERT_NE(comment, std::string::npos) << r.out;
    const size_t atomic = r.out.find("u: shared; _d_u: atomic -- reads u[i-1], u[i+1]", comment);
    EXPECT_NE(atomic, std::string::npos) << r.out;
    const size_t pragma = r.out.find("#pragma omp parallel", comment);
    EXPECT_NE(pragma, std::string::npos);
    EXPECT_LT(atomic, pragma);
    // Otherwise the same unit as --stage c.
    ProcessResult c = lomaw({"emit", k.path(), "--stage", "c"});
    std::string stripped = r.out;
    const size_t end = stripped.find("*/\n", comment);
    const size_t lineStart = stripped.rfind('\n', comment) + 1;
    stripped.erase(lineStart, end + 3 - lineStart);
    EXPECT_EQ(stripped, c.out);
}

}  // namespace
}  // namespace lomaw::test
