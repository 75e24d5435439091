// `#pragma omp parallel for` lines (docs/language.md §9.2): attachment to the `for` right below,
// clause parsing with positions, omp-syntax and pragma-ignored.
#include <gtest/gtest.h>

#include "SyntaxTestSupport.h"

namespace lomaw::syntax::test {
namespace {

using V = std::vector<std::string>;
using Kind = ast::PragmaClause::Kind;

std::string loopWith(const std::string& pragmaLine) {
    return "def f(n : In[int]):\n" + pragmaLine + "\n    for i in range(n):\n        s = s + 1\n";
}

const ast::Stmt& firstFor(const Parsed& p) { return *fn(p.module, 0).body.at(0); }

TEST(Pragma, ClausesWithKindsOperatorsItemsAndPositions) {
    Parsed p = parseText(loopWith("    #pragma omp parallel for shared(a, b) private(t), firstprivate(u) reduction(+: s,q) default(none) schedule(static, 4) nowait"));
    EXPECT_TRUE(p.diags.empty());
    const ast::Stmt& s = firstFor(p);
    ASSERT_TRUE(s.pragma.has_value());
    const ast::Pragma& pr = *s.pragma;
    EXPECT_EQ(pr.loc, (SourceLoc{2, 5}));
    ASSERT_EQ(pr.clauses.size(), 7u);
    EXPECT_EQ(pr.clauses[0].kind, Kind::Shared);
    EXPECT_EQ(pr.clauses[0].loc, (SourceLoc{2, 30}));
    ASSERT_EQ(pr.clauses[0].vars.size(), 2u);
    EXPECT_EQ(pr.clauses[0].vars[0].name, "a");
    EXPECT_EQ(pr.clauses[0].vars[0].loc, (SourceLoc{2, 37}));
    EXPECT_EQ(pr.clauses[0].vars[1].loc, (SourceLoc{2, 40}));
    EXPECT_EQ(pr.clauses[1].kind, Kind::Private);
    EXPECT_EQ(pr.clauses[2].kind, Kind::FirstPrivate);
    EXPECT_EQ(pr.clauses[3].kind, Kind::Reduction);
    EXPECT_EQ(pr.clauses[3].op, "+");
    ASSERT_EQ(pr.clauses[3].vars.size(), 2u);
    EXPECT_EQ(pr.clauses[3].vars[1].name, "q");
    EXPECT_EQ(pr.clauses[4].kind, Kind::Default);
    EXPECT_EQ(pr.clauses[4].op, "none");
    EXPECT_EQ(pr.clauses[5].kind, Kind::Unknown);
    EXPECT_EQ(pr.clauses[5].word, "schedule");
    EXPECT_EQ(pr.clauses[5].rawArgs, "static, 4");
    EXPECT_EQ(pr.clauses[6].word, "nowait");
}

TEST(Pragma, ReductionOperatorIsKeptAsWrittenForTheChecker) {
    Parsed p = parseText(loopWith("    #pragma omp parallel for reduction(*:s)"));
    EXPECT_TRUE(p.diags.empty());
    EXPECT_EQ(firstFor(p).pragma->clauses[0].op, "*");
}

TEST(Pragma, IndentationOfThePragmaDoesNotMatter) {
    Parsed p = parseText(loopWith("#pragma omp parallel for"));
    EXPECT_TRUE(p.diags.empty());
    ASSERT_TRUE(firstFor(p).pragma.has_value());
    EXPECT_TRUE(firstFor(p).pragma->clauses.empty());
}

TEST(Pragma, MalformedTextIsOmpSyntaxAtTheOffendingCharacter) {
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for shared(x")), V{"2:36 error omp-syntax"});
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for shared")), V{"2:30 error omp-syntax"});
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for reduction(s)")), V{"2:39 error omp-syntax"});
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for private(a b)")), V{"2:40 error omp-syntax"});
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for private()")), V{"2:38 error omp-syntax"});
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for default(foo)")), V{"2:38 error omp-syntax"});
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for shared(x))")), V{"2:39 error omp-syntax"});
    EXPECT_EQ(codesOf(loopWith("    #pragma omp parallel for reduction(:s)")), V{"2:40 error omp-syntax"});
}

TEST(Pragma, NotDirectlyAboveAForIsIgnoredWithWarning) {
    std::string src =
        "#pragma omp parallel for\n"          // 1: top level, no for below
        "def f(n : In[int]):\n"
        "    #pragma omp parallel for\n"      // 3: blank line between
        "\n"
        "    for i in range(n):\n"
        "        s = 1\n"
        "    #pragma omp simd\n"              // 7: another pragma
        "    for i in range(n):\n"
        "        s = 1\n"
        "    #pragma omp parallel for\n"      // 10: above an assignment
        "    s = 1\n"
        "    s = 2  #pragma omp parallel for\n";  // 12: trailing comment: not a pragma line
    Parsed p = parseText(src);
    EXPECT_EQ(diagCodes(p.diags), (V{"1:1 warning pragma-ignored", "3:5 warning pragma-ignored",
                                     "7:5 warning pragma-ignored", "10:5 warning pragma-ignored"}));
    for (const auto& s : fn(p.module, 0).body) EXPECT_FALSE(s->pragma.has_value());
}

TEST(Pragma, TwoStackedPragmasOnlyTheLowerOneAttaches) {
    Parsed p = parseText("def f(n : In[int]):\n    #pragma omp parallel for shared(a)\n    #pragma omp parallel for private(b)\n    for i in range(n):\n        s = 1\n");
    EXPECT_EQ(diagCodes(p.diags), V{"2:5 warning pragma-ignored"});
    EXPECT_EQ(firstFor(p).pragma->clauses.at(0).kind, Kind::Private);
}

TEST(Pragma, NestedLoopsEachTakeTheirOwn) {
    Parsed p = parseText("def f(n : In[int]):\n    #pragma omp parallel for shared(a)\n    for i in range(n):\n        #pragma omp parallel for private(b)\n        for j in range(n):\n            s = 1\n");
    EXPECT_TRUE(p.diags.empty());
    const ast::Stmt& outer = firstFor(p);
    ASSERT_TRUE(outer.pragma.has_value());
    ASSERT_TRUE(outer.body.at(0)->pragma.has_value());
    EXPECT_EQ(outer.body[0]->pragma->loc, (SourceLoc{4, 9}));
}

}  // namespace
}  // namespace lomaw::syntax::test
