// Every parser diagnostic code with its exact line and column (docs/language.md §1.9, §8), one
// diagnostic per independent error, and recovery so that all errors of a file are reported.
#include <gtest/gtest.h>

#include "SyntaxTestSupport.h"

namespace lomaw::syntax::test {
namespace {

using V = std::vector<std::string>;

// Wraps body lines in `def f(x : In[int]):` so that line 2 is the first body line.
std::string inFunction(const std::string& body) { return "def f(x : In[int]):\n" + body; }

TEST(ParserDiagnostics, MissingColonIsSyntaxErrorAtLineEnd) {
    EXPECT_EQ(codesOf("def f(x : In[float]) -> float\n    return x\n"), V{"1:30 error syntax-error"});
}

TEST(ParserDiagnostics, UnsupportedOperatorsAtTheOperatorToken) {
    EXPECT_EQ(codesOf(inFunction("    y = x != 1\n"
                                 "    y = x % 2 + x // 2 + x ** 2\n"
                                 "    y = not x\n"
                                 "    y = +x\n"
                                 "    y = ~x\n"
                                 "    y = x in y\n"
                                 "    y = x not in y\n"
                                 "    y = x is not y\n"
                                 "    y = x | y & z ^ w << 1\n"
                                 "    y = x @ y\n")),
              (V{"2:11 error unsupported-operator", "3:11 error unsupported-operator",
                 "3:19 error unsupported-operator", "3:28 error unsupported-operator",
                 "4:9 error unsupported-operator", "5:9 error unsupported-operator",
                 "6:9 error unsupported-operator", "7:11 error unsupported-operator",
                 "8:11 error unsupported-operator", "9:11 error unsupported-operator",
                 "10:11 error unsupported-operator", "10:15 error unsupported-operator",
                 "10:19 error unsupported-operator", "10:23 error unsupported-operator",
                 "11:11 error unsupported-operator"}));
}

TEST(ParserDiagnostics, UnsupportedStatements) {
    EXPECT_EQ(codesOf(inFunction("    x += 1\n"
                                 "    a = b = c\n"
                                 "    a, b = 1, 2\n"
                                 "    pass\n"
                                 "    x\n"
                                 "    \"doc\"\n"
                                 "    break\n"
                                 "    global q\n"
                                 "    del x\n"
                                 "    assert x\n"
                                 "    raise x\n"
                                 "    import m\n"
                                 "    a.b : int = 1\n"
                                 "    x == 1\n")),
              (V{"2:5 error unsupported-statement", "3:5 error unsupported-statement",
                 "4:5 error unsupported-statement", "5:5 error unsupported-statement",
                 "6:5 error unsupported-statement", "7:5 error unsupported-statement",
                 "8:5 error unsupported-statement", "9:5 error unsupported-statement",
                 "10:5 error unsupported-statement", "11:5 error unsupported-statement",
                 "12:5 error unsupported-statement", "13:5 error unsupported-statement",
                 "14:5 error unsupported-statement", "15:5 error unsupported-statement"}));
}

TEST(ParserDiagnostics, UnsupportedCompoundStatementsSkipTheirBlocks) {
    EXPECT_EQ(codesOf(inFunction("    try:\n"
                                 "        x = 1\n"
                                 "    except E:\n"
                                 "        x = 2\n"
                                 "    finally:\n"
                                 "        x = 3\n"
                                 "    with a as b:\n"
                                 "        x = 1\n"
                                 "    match x:\n"
                                 "        case 1:\n"
                                 "            x = 2\n"
                                 "    x = 1\n")),
              (V{"2:5 error unsupported-statement", "8:5 error unsupported-statement",
                 "10:5 error unsupported-statement"}));
}

TEST(ParserDiagnostics, UnsupportedSyntax) {
    EXPECT_EQ(codesOf(inFunction("    return\n")), V{"2:5 error unsupported-syntax"});
    EXPECT_EQ(codesOf(inFunction("    def g():\n        return 1\n    x = 1\n")), V{"2:5 error unsupported-syntax"});
    EXPECT_EQ(codesOf("def f(x : In[int] = 3, *args, **kw, /, *, y : In[int]):\n    g()\n"),
              (V{"1:21 error unsupported-syntax", "1:24 error unsupported-syntax",
                 "1:31 error unsupported-syntax", "1:37 error unsupported-syntax",
                 "1:40 error unsupported-syntax"}));
}

TEST(ParserDiagnostics, UnsupportedExpressions) {
    EXPECT_EQ(codesOf(inFunction("    y = x if x else 1\n"
                                 "    y = lambda q: q\n"
                                 "    y = [1, 2]\n"
                                 "    y = [i for i in x]\n"
                                 "    y = {1: 2}\n"
                                 "    y = x[1:2]\n"
                                 "    y = (n := 3)\n"
                                 "    y = True\n"
                                 "    y = None\n"
                                 "    y = 'str'\n"
                                 "    y = g(x=1)\n"
                                 "    y = g(*x)\n"
                                 "    m.g(x)\n"
                                 "    y = (1, 2)\n"
                                 "    y = 3j\n"
                                 "    y = x[1, 2]\n"
                                 "    y = g(i for i in x)\n"
                                 "    y = ()\n")),
              (V{"2:9 error unsupported-expression", "3:9 error unsupported-expression",
                 "4:9 error unsupported-expression", "5:9 error unsupported-expression",
                 "6:9 error unsupported-expression", "7:11 error unsupported-expression",
                 "8:10 error unsupported-expression", "9:9 error unsupported-expression",
                 "10:9 error unsupported-expression", "11:9 error unsupported-expression",
                 "12:11 error unsupported-expression", "13:11 error unsupported-expression",
                 "14:5 error unsupported-expression", "15:9 error unsupported-expression",
                 "16:9 error unsupported-expression", "17:11 error unsupported-expression",
                 "18:11 error unsupported-expression", "19:9 error unsupported-expression"}));
}

TEST(ParserDiagnostics, WalrusOutsideWhileHeader) {
    EXPECT_EQ(codesOf(inFunction("    if (y := x):\n        x = 1\n")), V{"2:9 error unsupported-expression"});
    // Unparenthesised it is not even Python.
    EXPECT_EQ(codesOf(inFunction("    y = z := 1\n")), V{"2:11 error syntax-error"});
}

TEST(ParserDiagnostics, ComparisonChainsAreUnsupportedExpressionsAtTheSecondOperator) {
    EXPECT_EQ(codesOf(inFunction("    y = 0 < x < 10\n")), V{"2:15 error unsupported-expression"});
    EXPECT_EQ(codesOf(inFunction("    y = 0 < x == 1 < 2\n")), V{"2:15 error unsupported-expression"});
}

TEST(ParserDiagnostics, BadToplevel) {
    EXPECT_EQ(codesOf("n : int = 3\nx = 5\nprint(x)\nif x:\n    y = 1\nfor i in range(3):\n    x = 1\nx += 1\n"),
              (V{"1:1 error bad-toplevel", "2:1 error bad-toplevel", "3:1 error bad-toplevel",
                 "4:1 error bad-toplevel", "6:1 error bad-toplevel", "8:1 error bad-toplevel"}));
    // A real syntax error at the top level is reported as such.
    EXPECT_EQ(codesOf("x = = 1\n"), V{"1:5 error syntax-error"});
    // A string that is not the first statement is no docstring.
    EXPECT_EQ(codesOf("def f():\n    g()\n\"late doc\"\n"), V{"3:1 error bad-toplevel"});
}

TEST(ParserDiagnostics, BadDiffDecl) {
    EXPECT_EQ(codesOf("d = grad(f)\ne = fwd_diff(f, g)\ng = fwd_diff()\nh = rev_diff(a.b)\nk = rev_diff(f).x\n"),
              (V{"1:5 error bad-diff-decl", "2:5 error bad-diff-decl", "3:5 error bad-diff-decl",
                 "4:5 error bad-diff-decl", "5:5 error bad-diff-decl"}));
}

TEST(ParserDiagnostics, BadWhile) {
    EXPECT_EQ(codesOf(inFunction("    while x < 3:\n        x = x + 1\n"
                                 "    while (x < 3, max_iter := m):\n        x = x + 1\n"
                                 "    while (x < 3, max_iter := 0):\n        x = x + 1\n"
                                 "    while (x < 3, max_iter := 1.5):\n        x = x + 1\n"
                                 "    while (x < 3, max_iter := -5):\n        x = x + 1\n"
                                 "    while (x < 3):\n        x = x + 1\n"
                                 "    while (x < 3, n := 5):\n        x = x + 1\n"
                                 "    while (x < 3, max_iter := 5, 6):\n        x = x + 1\n")),
              (V{"2:5 error bad-while", "4:31 error bad-while", "6:31 error bad-while", "8:31 error bad-while",
                 "10:31 error bad-while", "12:5 error bad-while", "14:5 error bad-while",
                 "16:5 error bad-while"}));
}

TEST(ParserDiagnostics, WhileElseAndErrorsInsideABadWhileBody) {
    EXPECT_EQ(codesOf(inFunction("    while (x < 3, max_iter := 5):\n        x = x + 1\n    else:\n        x = 0\n")),
              V{"4:5 error unsupported-statement"});
    // The body of a rejected header is still checked.
    EXPECT_EQ(codesOf(inFunction("    while x:\n        x = x % 2\n")),
              (V{"2:5 error bad-while", "3:15 error unsupported-operator"}));
}

TEST(ParserDiagnostics, ForLoops) {
    EXPECT_EQ(codesOf(inFunction("    for v in xs:\n        x = 1\n"
                                 "    for i, j in range(3):\n        x = 1\n"
                                 "    for i in range():\n        x = 1\n"
                                 "    for i in range(1, 2, 3, 4):\n        x = 1\n"
                                 "    for i in range(x, step=2):\n        x = 1\n"
                                 "    for i in range(x):\n        x = 1\n    else:\n        x = 2\n"
                                 "    for i in range(x)\n        x = 1\n")),
              (V{"2:5 error unsupported-statement", "4:5 error unsupported-statement", "6:14 error range-args",
                 "8:14 error range-args", "10:23 error range-args", "14:5 error unsupported-statement",
                 "16:22 error syntax-error"}));
}

TEST(ParserDiagnostics, Decorators) {
    EXPECT_EQ(codesOf("@simd(4)\ndef f(x : In[int]):\n    x = 1\n"
                      "@simd\n@simd\ndef g(x : In[int]):\n    x = 1\n"
                      "@foo\n@openMpi\ndef h(x : In[int]):\n    x = 1\n"
                      "@simd\nclass A:\n    x : int\n"),
              (V{"1:1 error bad-decorator", "5:1 error bad-decorator", "8:1 warning unknown-decorator",
                 "12:1 error bad-struct"}));
    // Unknown decorators are dropped; the function stays.
    Parsed p = parseText("@foo\n@openMpi\ndef h(x : In[int]):\n    x = 1\n");
    ASSERT_EQ(p.module.items.size(), 1u);
    EXPECT_TRUE(fn(p.module, 0).openMpi);
    EXPECT_FALSE(fn(p.module, 0).simd);
}

TEST(ParserDiagnostics, BadStruct) {
    EXPECT_EQ(codesOf("class A(B):\n    x : int\n"
                      "class C:\n    x : int = 3\n    def m(self):\n        pass\n"
                      "class D:\n    \"\"\"doc\"\"\"\n    y : float\n"
                      "class E:\n    pass\n"
                      "class F:\n    y = 2\n"),
              (V{"1:8 error bad-struct", "4:15 warning member-default-ignored", "5:5 error bad-struct",
                 "8:5 error bad-struct", "11:5 error bad-struct", "13:5 error bad-struct"}));
    // The default is ignored, the member kept.
    Parsed p = parseText("class C:\n    x : int = 3\n");
    EXPECT_EQ(std::get<ast::StructDecl>(p.module.items.at(0)).members.size(), 1u);
}

TEST(ParserDiagnostics, BadType) {
    EXPECT_EQ(codesOf("def f(x : In[Array[float, n]]):\n    g()\n"), V{"1:27 error bad-type"});
    EXPECT_EQ(codesOf("def f() -> None:\n    g()\n"), V{"1:12 error bad-type"});
    EXPECT_EQ(codesOf(inFunction("    y : List[int]\n")), V{"2:9 error bad-type"});
    EXPECT_EQ(codesOf(inFunction("    y : Array\n")), V{"2:9 error bad-type"});
    EXPECT_EQ(codesOf(inFunction("    y : Diff[float, 3]\n")), V{"2:19 error bad-type"});
    EXPECT_EQ(codesOf(inFunction("    y : Array[float, -3]\n")), V{"2:22 error bad-type"});
    EXPECT_EQ(codesOf(inFunction("    y : 3\n")), V{"2:9 error bad-type"});
    EXPECT_EQ(codesOf(inFunction("    y : a.b\n")), V{"2:9 error bad-type"});
    // Array[float, 0] is well-formed syntax; the checker rejects the size.
    EXPECT_TRUE(codesOf(inFunction("    y : Array[float, 0]\n")).empty());
}

TEST(ParserDiagnostics, LiteralRanges) {
    EXPECT_EQ(codesOf(inFunction("    y = 2147483647 + 2147483648\n    z = 3.5e38 + 3.4e38 + 1e999\n")),
              (V{"2:22 error int-literal-range", "3:9 warning float-literal-overflow",
                 "3:27 warning float-literal-overflow"}));
    EXPECT_EQ(codesOf(inFunction("    while (x, max_iter := 3000000000):\n        x = 1\n")),
              V{"2:27 error int-literal-range"});
    EXPECT_EQ(codesOf(inFunction("    y : Array[float, 99999999999]\n")), V{"2:22 error int-literal-range"});
}

TEST(ParserDiagnostics, FloatOverflowBoundaryIsHalfAnUlpAboveFltMax) {
    // FLT_MAX = 3.4028234663852886e38 still rounds to FLT_MAX; 3.4028236e38 rounds to inf.
    EXPECT_TRUE(codesOf(inFunction("    y = 3.4028234663852886e38\n")).empty());
    EXPECT_EQ(codesOf(inFunction("    y = 3.4028236e38\n")), V{"2:9 warning float-literal-overflow"});
}

TEST(ParserDiagnostics, IndentationErrors) {
    EXPECT_EQ(codesOf(inFunction("    x = 1\n        x = 2\n    x = 3\n")), V{"3:9 error syntax-error"});
    EXPECT_EQ(codesOf(inFunction("    x = 1\n  x = 2\n    x = 3\n")), V{"3:3 error syntax-error"});
    EXPECT_EQ(codesOf(inFunction("    if x:\n    x = 2\n")), V{"3:5 error syntax-error"});
    EXPECT_EQ(codesOf(inFunction("    if x:\n        x = 1\n\tx = 2\n")), V{"4:2 error syntax-error"});
}

TEST(ParserDiagnostics, LexicalErrorsAreReportedOnce) {
    EXPECT_EQ(codesOf(inFunction("    héllo = 1\n    y = x $ 1 $ 2\n    z = é + é\n")),
              (V{"2:6 error syntax-error", "3:11 error syntax-error", "4:9 error syntax-error"}));
}

TEST(ParserDiagnostics, NeverClosedBracketSilencesTheRestOfTheFile) {
    EXPECT_EQ(codesOf(inFunction("    y = g(1,\n    z = 2 +\ndef h():\n    return\n")), V{"2:10 error syntax-error"});
}

TEST(ParserDiagnostics, AssignmentToNonTargets) {
    EXPECT_EQ(codesOf(inFunction("    g(x) = 1\n")), V{"2:5 error syntax-error"});
    EXPECT_EQ(codesOf(inFunction("    x + 1 = 1\n")), V{"2:5 error syntax-error"});
    // Valid Python with a call in the lvalue chain: the checker reports not-lvalue.
    EXPECT_TRUE(codesOf(inFunction("    g(x).m = 1\n")).empty());
}

TEST(ParserDiagnostics, MultipleErrorsInOneFileAreAllReportedWithoutCascades) {
    std::string src =
        "import os\n"                                  // 1 warning
        "class S:\n"                                   // 2
        "    pass\n"                                   // 3 bad-struct
        "def f(x : In[int]) -> int:\n"                 // 4
        "    y : int = x != 1\n"                       // 5 unsupported-operator 17
        "    if x > 0\n"                               // 6 syntax-error (missing ':') col 13
        "        y = y ** 2\n"                         // 7 unsupported-operator 15 (body still parsed)
        "    y += 1\n"                                 // 8 unsupported-statement
        "    while (y < 3):\n"                         // 9 bad-while
        "        y = [y]\n"                            // 10 unsupported-expression 13
        "    return y\n"                               // 11
        "n = 3\n"                                      // 12 bad-toplevel
        "def g(a : In[int] = 1) -> int:\n"             // 13 unsupported-syntax 21
        "    return a if a else 0\n"                   // 14 unsupported-expression 12
        "d = grad(g)\n"                                // 15 bad-diff-decl 5
        "#pragma omp parallel for\n"                   // 16 pragma-ignored
        "def h():\n"                                   // 17
        "    return\n";                                // 18 unsupported-syntax 5
    EXPECT_EQ(codesOf(src),
              (V{"1:1 warning import-ignored", "3:5 error bad-struct", "5:17 error unsupported-operator",
                 "6:13 error syntax-error", "7:15 error unsupported-operator", "8:5 error unsupported-statement",
                 "9:5 error bad-while", "10:13 error unsupported-expression", "12:1 error bad-toplevel",
                 "13:21 error unsupported-syntax", "14:12 error unsupported-expression", "15:5 error bad-diff-decl",
                 "16:1 warning pragma-ignored", "18:5 error unsupported-syntax"}));
}

TEST(ParserDiagnostics, ErrorsDropOnlyTheirStatement) {
    Parsed p = parseText(inFunction("    y = x != 1\n    z = 2\n"));
    ASSERT_EQ(p.module.items.size(), 1u);
    ASSERT_EQ(fn(p.module, 0).body.size(), 1u);
    EXPECT_EQ(fn(p.module, 0).body[0]->loc, (SourceLoc{3, 5}));
}

}  // namespace
}  // namespace lomaw::syntax::test
