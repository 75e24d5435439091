// The JSON report: the exact text `lomaw scopes` prints.
#include <gtest/gtest.h>

#include "omp/ScopeReport.h"

namespace lomaw::omp::test {
namespace {

TEST(ScopeJson, ExactShapeWithNullAdjointAndEscapes) {
    LoopScopes loop;
    loop.function = "f";
    loop.line = 7;
    loop.variables.push_back({"i", Scope::Private, std::nullopt, "loop variable", false, ""});
    loop.variables.push_back({"u", Scope::Shared, Scope::Atomic, "reads \"u[i-1]\"\\", false, ""});
    loop.variables.push_back({"s", Scope::Reduction, Scope::FirstPrivate, "x", false, "max"});
    loop.variables.push_back({"t", Scope::Private, Scope::Private, "y", true, ""});
    EXPECT_EQ(toJson({loop}),
              "[\n"
              "  {\"function\": \"f\", \"line\": 7, \"variables\": [\n"
              "    {\"name\": \"i\", \"primal\": \"private\", \"adjoint\": null, \"why\": \"loop variable\"},\n"
              "    {\"name\": \"u\", \"primal\": \"shared\", \"adjoint\": \"atomic\", \"why\": \"reads \\\"u[i-1]\\\"\\\\\"},\n"
              "    {\"name\": \"s\", \"primal\": \"reduction\", \"adjoint\": \"firstprivate\", \"why\": \"x\"},\n"
              "    {\"name\": \"t\", \"primal\": \"lastprivate\", \"adjoint\": \"private\", \"why\": \"y\"}\n"
              "  ]}\n"
              "]\n");
}

TEST(ScopeJson, EmptyReportAndSeveralLoops) {
    EXPECT_EQ(toJson({}), "[]\n");
    LoopScopes a, b;
    a.function = "a";
    a.line = 1;
    b.function = "b";
    b.line = 2;
    EXPECT_EQ(toJson({a, b}),
              "[\n"
              "  {\"function\": \"a\", \"line\": 1, \"variables\": []},\n"
              "  {\"function\": \"b\", \"line\": 2, \"variables\": []}\n"
              "]\n");
    EXPECT_STREQ(scopeName(Scope::FirstPrivate), "firstprivate");
    EXPECT_STREQ(scopeName(Scope::Reduction), "reduction");
}

}  // namespace
}  // namespace lomaw::omp::test
