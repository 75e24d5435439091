// The adjoint scope rules, one kernel per rule; expected scopes derived by hand in comments.
#include "OmpTestUtil.h"

namespace lomaw::omp::test {
namespace {

std::string why(const LoopScopes& l, const std::string& name) {
    const VariableScope* v = l.find(name);
    return v ? v->why : "<missing " + name + ">";
}

TEST(ScopeRules, PrivateReductionAndStencilReads) {
    // t private -> _d_t private; s reduction -> _d_s firstprivate (read by every iteration);
    // u read at i-1, i, i+1, written nowhere -> unsafe; unbounded -> atomic; v written at i
    // only -> shared; n int -> no adjoint; i loop variable.
    auto loops = scopesOf(
        "def stencil(u : In[Array[float]], v : Out[Array[float]], n : In[int]) -> float:\n"
        "    s : float\n"
        "    t : float\n"
        "    #pragma omp parallel for shared(u, v) private(t) reduction(+:s)\n"
        "    for i in range(1, n - 1):\n"
        "        t = 0.25 * u[i - 1] + 0.5 * u[i] + 0.25 * u[i + 1]\n"
        "        v[i] = t\n"
        "        s = s + t\n"
        "    return s\n");
    ASSERT_EQ(loops.size(), 1u);
    EXPECT_EQ(loops[0].function, "stencil");
    EXPECT_EQ(loops[0].line, 5);
    EXPECT_EQ(compact(loops[0]),
              "i:private/- u:shared/atomic t:private/private v:shared/shared s:reduction/firstprivate");
    EXPECT_EQ(why(loops[0], "u"),
              "reads u[i-1], u[i+1] are not written by the same iteration: threads may update the same "
              "_d_u element; an unbounded array: atomic updates cost less than a private copy per thread");
    EXPECT_EQ(why(loops[0], "i"), "loop variable: private, an int with no adjoint");
}

TEST(ScopeRules, ReadsMatchedByWritesOfTheSameIterationAreShared) {
    // pyscopad's example: writes r[i-1], r[i] (step 2) are distinct between iterations, and u
    // is read at exactly those expressions -> shared, although u is read at two indices.
    auto loops = scopesOf(
        "def f(u : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(2, n, 2):\n"
        "        r[i - 1] = 2.0 * u[i]\n"
        "        r[i] = 3.0 * u[i - 1]\n");
    EXPECT_EQ(compact(loops[0]), "i:private/- u:shared/shared r:shared/shared");
    EXPECT_EQ(why(loops[0], "u"), "reads u[i], u[i-1] are matched by writes of r in the same iteration: no two "
                                  "threads update the same _d_u element");
}

TEST(ScopeRules, ConstantOffsetsOfTheWrittenElements) {
    // Writes r[2i], r[2i+1]; reads u[2i+1], u[2i+2] = the writes shifted by 1 -> shared.
    // Reads w[2i+1], w[2i+3] need offsets 1 and 2 (or 1 and 3): no single offset -> unsafe.
    auto loops = scopesOf(
        "def f(u : In[Array[float]], w : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        r[2 * i] = u[2 * i + 1] + w[2 * i + 1]\n"
        "        r[2 * i + 1] = u[2 * i + 2] + w[2 * i + 3]\n");
    EXPECT_EQ(compact(loops[0]), "i:private/- u:shared/shared w:shared/atomic r:shared/shared");
    EXPECT_EQ(why(loops[0], "u"), "reads u[2*i+1], u[2*i+2] are matched by writes of r shifted by 1 in the same "
                                  "iteration: no two threads update the same _d_u element");
}

TEST(ScopeRules, OwnIndexReadsAreSharedWithoutAnyWrite) {
    // u is read at i only: a different element in every iteration -> shared; the scalar a is
    // read by every iteration -> reduction.
    auto loops = scopesOf(
        "def f(u : In[Array[float]], a : In[float], n : In[int]) -> float:\n"
        "    s : float\n"
        "    #pragma omp parallel for reduction(+:s)\n"
        "    for i in range(n):\n"
        "        s = s + a * u[n - i]\n"
        "    return s\n");
    EXPECT_EQ(compact(loops[0]), "i:private/- s:reduction/firstprivate a:shared/reduction n:shared/- u:shared/shared");
    EXPECT_EQ(why(loops[0], "u"),
              "read u[n-i] uses the index n-i, different in every iteration: no two threads update the same _d_u element");
    EXPECT_EQ(why(loops[0], "a"),
              "every iteration reads a: all threads update the same _d_a; a scalar: each thread sums into its own copy (reduction)");
}

TEST(ScopeRules, ReadAndWrittenUnsafelyIsAtomicEvenWhenForced) {
    // u[i] = u[i] * u[i + 1]: u[i+1] is written by the next iteration -> atomic. A forced
    // reduction is ignored: only atomic is correct for a read-write array.
    ScopeOptions options;
    options.force["u"] = Scope::Reduction;
    auto loops = scopesOf(
        "def f(u : Out[Array[float, 8]]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(7):\n"
        "        u[i] = u[i] * u[i + 1]\n",
        options);
    EXPECT_EQ(compact(loops[0]), "i:private/- u:shared/atomic");
    EXPECT_EQ(why(loops[0], "u"),
              "read u[i+1] is not written by the same iteration: threads may update the same _d_u element; u is also "
              "written in the loop, so updates are atomic (forced reduction ignored: only atomic is correct here)");
}

TEST(ScopeRules, ForcedScopesApplyOnlyWhereTheyGiveTheSameGradient) {
    // w read at its own index (safe -> shared), v write-only (shared), u read at i-1, i+1
    // (unsafe, unbounded -> atomic). Forcing: atomic is always correct; reduction only for a
    // variable the loop does not write (v keeps shared, with a note because it is named);
    // shared only where already safe (u keeps atomic, with a note).
    const char* src =
        "def f(u : In[Array[float]], w : In[Array[float]], v : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(1, n - 1):\n"
        "        v[i] = w[i] * (u[i - 1] + u[i + 1])\n";
    EXPECT_EQ(compact(scopesOf(src)[0]), "i:private/- w:shared/shared u:shared/atomic v:shared/shared");

    ScopeOptions atomic;
    atomic.force["*"] = Scope::Atomic;
    auto a = scopesOf(src, atomic);
    EXPECT_EQ(compact(a[0]), "i:private/- w:shared/atomic u:shared/atomic v:shared/atomic");
    EXPECT_EQ(why(a[0], "w"),
              "read w[i] uses the index i, different in every iteration: no two threads update the same _d_w "
              "element; atomic as requested");

    ScopeOptions reduction;
    reduction.force["*"] = Scope::Reduction;
    reduction.force["v"] = Scope::Reduction;
    auto r = scopesOf(src, reduction);
    EXPECT_EQ(compact(r[0]), "i:private/- w:shared/reduction u:shared/reduction v:shared/shared");
    EXPECT_EQ(why(r[0], "v"),
              "write-only (v[i]): _d_v is read and reset where the primal writes, elements no two threads share "
              "(forced reduction ignored: the loop writes v: only shared or atomic is correct here)");

    ScopeOptions shared;
    shared.force["u"] = Scope::Shared;
    shared.force["w"] = Scope::Shared;
    auto s = scopesOf(src, shared);
    EXPECT_EQ(compact(s[0]), "i:private/- w:shared/shared u:shared/atomic v:shared/shared");
    EXPECT_EQ(why(s[0], "u"),
              "reads u[i-1], u[i+1] are not written by the same iteration: threads may update the same _d_u "
              "element; an unbounded array: atomic updates cost less than a private copy per thread (forced shared "
              "ignored: threads may update the same element)");
}

TEST(ScopeRules, ComparedOnlyReadsMakeNoAdjointUpdate) {
    // lim[i+1] is only compared: no _d_lim update, so no atomic (it was atomic before); t is
    // compared and used: its value read counts.
    auto loops = scopesOf(
        "def f(u : In[Array[float]], lim : In[Array[float]], t : In[float], r : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        if lim[i + 1] > t:\n"
        "            r[i] = u[i] * t\n");
    EXPECT_EQ(compact(loops[0]), "i:private/- lim:shared/shared t:shared/reduction u:shared/shared r:shared/shared");
    EXPECT_EQ(loops[0].find("lim")->why,
              "only compared or used in conditions and subscripts (lim[i+1]): no _d_lim update in this loop");
}

TEST(ScopeRules, OneDimensionWithTheLoopIndexIsEnough) {
    // a[k][i]: k is set in a branch, but dimension 2 is i in every read.
    auto loops = scopesOf(
        "def f(a : In[Array[Array[float]]], c : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    k : int\n"
        "    #pragma omp parallel for private(k)\n"
        "    for i in range(n):\n"
        "        k = 0\n"
        "        if c[i] > 0.0:\n"
        "            k = 1\n"
        "        r[i] = a[k][i] + a[k + 1][i]\n");
    EXPECT_EQ(compact(loops[0]), "i:private/- k:private/- c:shared/shared a:shared/shared r:shared/shared");
}

TEST(ScopeRules, ReadWriteAtTheSameIndexIsShared) {
    // r[i] = r[i] + u[i]: the read of r is matched by the write of r -> shared.
    auto loops = scopesOf(
        "def f(u : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        r[i] = r[i] + u[i]\n");
    EXPECT_EQ(compact(loops[0]), "i:private/- r:shared/shared u:shared/shared");
}

TEST(ScopeRules, CostRuleChoosesReductionForSmallArraysAtomicForLargeOnes) {
    // coef (4 elements) and big (1000 elements) are read at constant indices by every
    // iteration: unsafe. 4 <= 64 -> reduction; 1000 > 64 -> atomic; the option flips big.
    const std::string src =
        "def f(coef : In[Array[float, 4]], big : In[Array[float, 1000]], r : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        r[i] = coef[0] + coef[3] * big[7]\n";
    auto loops = scopesOf(src);
    EXPECT_EQ(compact(loops[0]), "i:private/- coef:shared/reduction big:shared/atomic r:shared/shared");
    EXPECT_EQ(why(loops[0], "coef"), "reads coef[0], coef[3] are not written by the same iteration: threads may "
                                     "update the same _d_coef element; a small array (4 elements): reduction");
    ScopeOptions options;
    options.force["big"] = Scope::Reduction;
    options.force["coef"] = Scope::Atomic;
    auto forced = scopesOf(src, options);
    EXPECT_EQ(compact(forced[0]), "i:private/- coef:shared/atomic big:shared/reduction r:shared/shared");
    options.reductionMaxElements = 2;
    options.force.clear();
    EXPECT_EQ(compact(scopesOf(src, options)[0]),
              "i:private/- coef:shared/atomic big:shared/atomic r:shared/shared");
}

TEST(ScopeRules, IndirectReadsAreAtomicUnlessMatchedByIndirectWrites) {
    // Loop 1: u[c[i]] read, only r[i] written: c[i] may repeat -> atomic (even for a small
    // array). Loop 2: v[c[i]] read where r2[c[i]] is written: a race-free primal makes c[i]
    // distinct between iterations -> shared.
    auto loops = scopesOf(
        "def f(u : In[Array[float, 8]], v : In[Array[float]], c : In[Array[int]], r : Out[Array[float]],\n"
        "      r2 : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        r[i] = u[c[i]]\n"
        "    #pragma omp parallel for\n"
        "    for k in range(n):\n"
        "        r2[c[k]] = v[c[k]]\n");
    ASSERT_EQ(loops.size(), 2u);
    EXPECT_EQ(compact(loops[0]), "i:private/- c:shared/- u:shared/atomic r:shared/shared");
    EXPECT_EQ(why(loops[0], "u"), "read u[c[i]] goes through the index array c, which may repeat elements: threads may "
                                  "update the same _d_u element; any element may be hit: atomic updates");
    EXPECT_EQ(compact(loops[1]), "k:private/- c:shared/- v:shared/shared r2:shared/shared");
    EXPECT_EQ(why(loops[1], "v"), "read v[c[k]] is matched by writes of r2 in the same iteration: no two threads "
                                  "update the same _d_v element");
}

TEST(ScopeRules, WritesInOneBranchDoNotCoverReadsInTheOther) {
    // Reads u[2i], u[2i+1] in the then-branch are matched there; the else-branch writes only
    // r[2i], so the read w[2i+1] there is not covered -> atomic; the condition reads flag[i]
    // (int: no adjoint).
    auto loops = scopesOf(
        "def f(flag : In[Array[int]], u : In[Array[float]], w : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        if flag[i] > 0:\n"
        "            r[2 * i] = u[2 * i]\n"
        "            r[2 * i + 1] = u[2 * i + 1]\n"
        "        else:\n"
        "            r[2 * i] = w[2 * i] + w[2 * i + 1]\n");
    EXPECT_EQ(compact(loops[0]),
              "i:private/- flag:shared/- u:shared/shared r:shared/shared w:shared/atomic");
    EXPECT_EQ(why(loops[0], "w"), "read w[2*i+1] is not written by the same iteration: threads may update the same "
                                  "_d_w element; an unbounded array: atomic updates cost less than a private copy per thread");
}

TEST(ScopeRules, FirstprivateDefaultPrivateAndUnusedClauseVariables) {
    // b firstprivate -> adjoint reduction (every copy's adjoint is summed); default(private)
    // makes t private; z listed shared but unused -> shared, "not used in the loop".
    auto loops = scopesOf(
        "def f(u : In[Array[float]], r : Out[Array[float]], b : In[float], z : In[float], n : In[int]):\n"
        "    t : float\n"
        "    #pragma omp parallel for default(private) shared(u, r, n, z) firstprivate(b)\n"
        "    for i in range(n):\n"
        "        t = b * u[i]\n"
        "        r[i] = t\n");
    EXPECT_EQ(compact(loops[0]),
              "i:private/- b:firstprivate/reduction u:shared/shared t:private/private r:shared/shared "
              "n:shared/- z:shared/shared");
    EXPECT_EQ(why(loops[0], "z"), "not used in the loop");
}

TEST(ScopeRules, NestedLoopsAndTwoDimensionalArrays) {
    // Outer loop over j, inner over k: reads a[j][k] are a different row per j -> shared;
    // reads a[j][k+1] too (same dimension-1 index j in every read); reads b[k][j] and
    // b[k][j+1] differ in dimension 2 and are not written -> atomic (2*... unbounded rows).
    auto loops = scopesOf(
        "def f(a : In[Array[Array[float, 5], 5]], b : In[Array[Array[float, 40], 40]], r : Out[Array[float]]):\n"
        "    #pragma omp parallel for\n"
        "    for j in range(4):\n"
        "        for k in range(4):\n"
        "            r[j] = r[j] + a[j][k] * a[j][k + 1] + b[k][j] * b[k][j + 1]\n");
    EXPECT_EQ(compact(loops[0]), "j:private/- r:shared/shared k:private/- a:shared/shared b:shared/atomic");
}

TEST(ScopeRules, OnlyPragmaLoopsOfWrittenFunctionsAreReported) {
    // The sequential loop is not reported; the derivative functions AD generates are skipped.
    auto loops = scopesOf(
        "def f(u : In[Array[float]], n : In[int]) -> float:\n"
        "    s : float\n"
        "    for i in range(n):\n"
        "        s = s + u[i]\n"
        "    #pragma omp parallel for reduction(+:s)\n"
        "    for k in range(n):\n"
        "        s = s + u[k]\n"
        "    return s\n"
        "d_f = rev_diff(f)\n");
    ASSERT_EQ(loops.size(), 1u);
    EXPECT_EQ(loops[0].line, 6);
    EXPECT_EQ(compact(loops[0]), "k:private/- s:reduction/firstprivate u:shared/shared");
}

}  // namespace
}  // namespace lomaw::omp::test
