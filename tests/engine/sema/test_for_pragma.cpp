// for loops over range (docs/language.md §9.1) and the OpenMP pragma sanity rules (§9.2).
#include "SemaTestUtil.h"

namespace lomaw::sema::test {
namespace {

TEST(ForLoops, ValidLoopsCheckCleanly) {
    auto c = check("def f(x : In[Array[float]], n : In[int]) -> float:\n"
                   "    s : float\n"
                   "    for i in range(n):\n"
                   "        s = s + x[i]\n"
                   "    for j in range(2, n, 2):\n"
                   "        s = s + x[j - 1]\n"
                   "    for i in range(n - 1, -1, -1):\n"
                   "        for k in range(i):\n"
                   "            s = s * 0.5 + x[k]\n"
                   "    return s\n");
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.all(), Lines{});
    // The loop variable is int.
    const ast::Stmt& loop = *c.fn("f").body[1];
    const ast::Expr& i = *loop.body[0]->value->operands[1]->operands[1];
    ASSERT_EQ(i.kind, ast::Expr::Kind::Var);
    EXPECT_TRUE(i.type->isInt());
}

TEST(ForLoops, RangeArgsFloatAndStructArguments) {
    auto c = check("class S:\n"
                   "    a : int\n"
                   "def f(n : In[int], v : In[S]):\n"
                   "    for i in range(0.5):\n"
                   "        n = i\n"
                   "    for j in range(v, n):\n"
                   "        n = j\n");
    EXPECT_EQ(c.all(), (Lines{"4:20: error [range-args]", "6:20: error [range-args]"}));
}

TEST(ForLoops, RangeStepMustBeNonzeroIntConstant) {
    auto c = check("def f(n : In[int]):\n"
                   "    for i in range(0, n, n):\n"
                   "        n = i\n"
                   "    for j in range(0, n, 0):\n"
                   "        n = j\n"
                   "    for k in range(0, n, -0):\n"
                   "        n = k\n"
                   "    for m in range(0, n, 1.0):\n"
                   "        n = m\n"
                   "    for q in range(n, 0, -2):\n"
                   "        n = q\n");
    EXPECT_EQ(c.all(), (Lines{"2:26: error [range-step]", "4:26: error [range-step]",
                              "6:26: error [range-step]", "8:26: error [range-step]"}));
}

TEST(ForLoops, LoopVarShadow) {
    auto c = check("def f(n : In[int]):\n"
                   "    for n in range(3):\n"
                   "        atomic_add(x, 1.0)\n"
                   "    for i in range(3):\n"
                   "        for i in range(2):\n"
                   "            n = 1\n"
                   "    for i in range(3):\n"
                   "        n = i\n"
                   "    for k in range(3):\n"
                   "        n = k\n"
                   "    k : int\n");
    EXPECT_EQ(c.all(), (Lines{"2:9: error [loop-var-shadow]", "3:20: error [undeclared-variable]",
                              "5:13: error [loop-var-shadow]", "9:9: error [loop-var-shadow]"}));
}

TEST(ForLoops, LoopVarAssignDirectOutArgumentAndAtomicTarget) {
    auto c = check("def g(o : Out[int]):\n"
                   "    o = 1\n"
                   "def f(n : In[int]):\n"
                   "    for i in range(n):\n"
                   "        i = 2\n"
                   "        g(i)\n"
                   "        atomic_add(i, 1.0)\n"
                   "        for j in range(i):\n"
                   "            i = j\n");
    EXPECT_EQ(c.all(), (Lines{"5:9: error [loop-var-assign]", "6:11: error [loop-var-assign]",
                              "7:20: error [loop-var-assign]", "9:13: error [loop-var-assign]"}));
}

TEST(ForLoops, BodyRulesAndScopeOfTheLoopVariable) {
    auto c = check("def f(n : In[int]) -> int:\n"
                   "    for i in range(n):\n"
                   "        t : int = i\n"
                   "        return i\n"
                   "    n = i\n"
                   "    return n\n");
    EXPECT_EQ(c.all(), (Lines{"3:9: error [declaration-not-outermost]", "4:9: error [return-not-last]",
                              "5:9: error [undeclared-variable]"}));
}

// "#pragma omp parallel for " is 25 characters: at column 1 the first clause starts at 26.

TEST(Pragmas, ValidPragmaWithUnknownClauseWarning) {
    auto c = check("def f(x : In[Array[float]], n : In[int], y : Out[Array[float]], s : Out[float]):\n"
                   "    t : float\n"
                   "#pragma omp parallel for shared(x, y) private(t, i) reduction(+:s) schedule(static)\n"
                   "    for i in range(n):\n"
                   "        t = x[i] * x[i]\n"
                   "        y[i] = t\n"
                   "        s = s + t\n");
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.all(), (Lines{"3:68: warning [omp-unknown-clause]"}));
}

TEST(Pragmas, DefaultDupAndClauseConflict) {
    auto c = check("def f(n : In[int]):\n"
                   "    t : float\n"
                   "#pragma omp parallel for default(shared) default(none)\n"
                   "    for i in range(n):\n"
                   "        t = 1.0\n"
                   "#pragma omp parallel for shared(t) private(t)\n"
                   "    for j in range(n):\n"
                   "        t = 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"3:42: error [omp-default-dup]", "6:44: error [omp-clause-conflict]"}));
}

TEST(Pragmas, UnknownVarAndLoopVar) {
    auto c = check("def f(n : In[int]):\n"
                   "    t : float\n"
                   "#pragma omp parallel for shared(q) firstprivate(i)\n"
                   "    for i in range(n):\n"
                   "        t = 1.0\n");
    EXPECT_EQ(c.all(), (Lines{"3:33: error [omp-unknown-var]", "3:49: error [omp-loop-var]"}));
}

TEST(Pragmas, PrivateTypeForOutParamsAndUnboundedArrays) {
    auto c = check("def f(x : In[Array[float]], n : In[int], y : Out[float]):\n"
                   "#pragma omp parallel for private(y) firstprivate(x)\n"
                   "    for i in range(n):\n"
                   "        n = i\n");
    EXPECT_EQ(c.all(), (Lines{"2:34: error [omp-private-type]", "2:50: error [omp-private-type]"}));
}

TEST(Pragmas, DefaultPrivateRequiresSharedForOutAndUnbounded) {
    auto c = check("def f(x : In[Array[float]], n : In[int], y : Out[Array[float]]):\n"
                   "    t : float\n"
                   "#pragma omp parallel for default(private) shared(x)\n"
                   "    for i in range(n):\n"
                   "        t = x[i]\n"
                   "        y[i] = t\n");
    EXPECT_EQ(c.all(), (Lines{"3:26: error [omp-private-type]"}));
}

TEST(Pragmas, ReductionOperator) {
    auto c = check("def f(n : In[int]):\n"
                   "    s : float\n"
                   "#pragma omp parallel for reduction(*:s)\n"
                   "    for i in range(n):\n"
                   "        s = s * 2.0\n");
    EXPECT_EQ(c.all(), (Lines{"3:26: error [omp-reduction-op]"}));
}

TEST(Pragmas, DefaultNoneOneErrorPerMissingName) {
    auto c = check("def f(x : In[Array[float]], n : In[int], y : Out[Array[float]]):\n"
                   "    c : float = 2.0\n"
                   "#pragma omp parallel for default(none) shared(y)\n"
                   "    for i in range(n):\n"
                   "        for j in range(n):\n"
                   "            y[i] = x[j] * c + x[i]\n");
    // One error per missing name, at its first use in the body: n (range of the nested loop),
    // x, c; not i or j (loop variables), not x again at 6:31.
    EXPECT_EQ(c.all(), (Lines{"5:24: error [omp-default-none]", "6:20: error [omp-default-none]",
                              "6:27: error [omp-default-none]"}));
    std::vector<std::string> messages;
    for (const Diagnostic& d : c.diags.sorted()) messages.push_back(d.message);
    EXPECT_NE(messages[0].find("'n'"), std::string::npos);
    EXPECT_NE(messages[1].find("'x'"), std::string::npos);
    EXPECT_NE(messages[2].find("'c'"), std::string::npos);
}

TEST(Pragmas, PragmaInSimdFunctionIsIgnored) {
    auto c = check("@simd\n"
                   "def k(x : Out[Array[float]], n : In[int]):\n"
                   "    #pragma omp parallel for shared(nothing)\n"
                   "    for i in range(n):\n"
                   "        x[i] = 1.0\n");
    EXPECT_TRUE(c.ok);
    EXPECT_EQ(c.all(), (Lines{"3:5: warning [pragma-ignored]"}));
}

}  // namespace
}  // namespace lomaw::sema::test
