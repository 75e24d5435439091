// The access inspector on checked kernels: read and write index sets in canonical form,
// dependencies, modified-in-loop, conditional accesses, indirect and opaque subscripts.
#include "OmpTestUtil.h"

#include "omp/AccessInspector.h"

namespace lomaw::omp::test {
namespace {

std::vector<std::string> texts(const std::vector<Access>& as) {
    std::vector<std::string> out;
    for (const Access& a : as) out.push_back(a.text());
    return out;
}

struct Inspected {
    Checked checked;
    LoopAccesses acc;
};

Inspected inspect(const std::string& src) {
    Inspected r{checkSource(src), {}};
    EXPECT_TRUE(r.checked.ok) << formatDiagnostics(r.checked.diags.sorted(), "k.py", src);
    const ast::Function* fn = r.checked.module.functions().front();
    const ast::Stmt* loop = firstPragmaLoop(fn->body);
    EXPECT_NE(loop, nullptr);
    if (loop) r.acc = inspectLoop(*fn, *loop, &r.checked.module, variableTypes(*fn));
    return r;
}

using Strings = std::vector<std::string>;

TEST(AccessInspector, AffineIndicesAreNormalised) {
    Inspected r = inspect(
        "def f(u : In[Array[float]], v : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(1, n - 1):\n"
        "        v[2 * i + 1] = u[i - 1] + u[1 + i] + u[n - i] + u[(i + 1) - 1] + u[3 * (i - 1) - 2 * i]\n");
    const VariableAccesses* u = r.acc.find("u");
    ASSERT_NE(u, nullptr);
    // 1 + i -> i+1 ; (i + 1) - 1 -> i ; 3*(i-1) - 2*i -> i-3
    EXPECT_EQ(texts(u->reads), (Strings{"u[i-1]", "u[i+1]", "u[n-i]", "u[i]", "u[i-3]"}));
    EXPECT_EQ(texts(r.acc.find("v")->writes), (Strings{"v[2*i+1]"}));
    EXPECT_TRUE(r.acc.readOnly("u"));
    EXPECT_TRUE(r.acc.writeOnly("v"));
    EXPECT_EQ(u->reads[2].index[0].dependsOn, (std::set<std::string>{"i", "n"}));
    EXPECT_EQ(r.acc.modified, (std::set<std::string>{"v"}));
    EXPECT_EQ(r.acc.order, (Strings{"i", "u", "n", "v"}));  // evaluation order
}

TEST(AccessInspector, MultiDimensionalAndIndirectSubscripts) {
    Inspected r = inspect(
        "def f(a : In[Array[Array[float, 4], 4]], c : In[Array[int]], u : In[Array[float]], r : Out[Array[float]]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(3):\n"
        "        r[i] = a[i][i + 1] + u[c[i] - 1] + u[c[c[i]]]\n");
    EXPECT_EQ(texts(r.acc.find("a")->reads), (Strings{"a[i][i+1]"}));
    const VariableAccesses* u = r.acc.find("u");
    EXPECT_EQ(texts(u->reads), (Strings{"u[c[i]-1]", "u[c[c[i]]]"}));
    EXPECT_TRUE(u->reads[0].index[0].indirect);
    EXPECT_EQ(u->reads[0].index[0].dependsOn, (std::set<std::string>{"c", "i"}));
    // The index array itself is read at i (and at c[i]).
    EXPECT_EQ(texts(r.acc.find("c")->reads), (Strings{"c[i]", "c[i]", "c[c[i]]"}));
}

TEST(AccessInspector, ConditionalAccessesCarryTheirBranch) {
    Inspected r = inspect(
        "def f(u : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        if u[i] > 0.0:\n"
        "            r[i] = u[i]\n"
        "        else:\n"
        "            r[i] = 0.0 - u[i]\n");
    const VariableAccesses* u = r.acc.find("u");
    ASSERT_EQ(u->reads.size(), 3u);
    EXPECT_FALSE(u->reads[0].conditional());
    EXPECT_TRUE(u->reads[1].conditional());
    EXPECT_TRUE(u->reads[2].conditional());
    EXPECT_NE(u->reads[1].path, u->reads[2].path);  // then and else differ
    const VariableAccesses* w = r.acc.find("r");
    EXPECT_EQ(w->writes[0].path, u->reads[1].path);
    EXPECT_EQ(w->writes[1].path, u->reads[2].path);
}

TEST(AccessInspector, IndicesThroughModifiedVariablesAreUnstable) {
    // k is assigned twice: r[k] and u[k] go through a variable the loop modifies -> unstable.
    // u[i * i] is not affine -> opaque.
    Inspected r = inspect(
        "def f(u : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    k : int\n"
        "    #pragma omp parallel for private(k)\n"
        "    for i in range(n):\n"
        "        k = i\n"
        "        if u[i] > 0.0:\n"
        "            k = n - 1 - i\n"
        "        r[k] = u[i * i] + u[k]\n");
    EXPECT_FALSE(r.acc.find("r")->writes[0].stable);
    EXPECT_EQ(r.acc.find("r")->writes[0].text(), "r[k]");
    const VariableAccesses* u = r.acc.find("u");
    EXPECT_TRUE(u->reads[0].stable);
    EXPECT_EQ(u->reads[1].index[0].kind, Subscript::Kind::Opaque);
    EXPECT_EQ(u->reads[1].text(), "u[i * i]");
    EXPECT_FALSE(u->reads[2].stable);
    EXPECT_TRUE(r.acc.modified.count("k"));
}

TEST(AccessInspector, IntScalarsAssignedOnceAreSubstituted) {
    // j = n - 1 - i once, unconditionally, from unmodified names: after it, subscripts through
    // j are n-i-1 (stable); a read of j's array before the assignment is not substituted.
    Inspected r = inspect(
        "def f(u : In[Array[float]], r : Out[Array[float]], n : In[int]):\n"
        "    j : int\n"
        "    #pragma omp parallel for private(j)\n"
        "    for i in range(n):\n"
        "        r[i] = u[j]\n"
        "        j = n - 1 - i\n"
        "        r[j] = u[j + 1]\n");
    const VariableAccesses* u = r.acc.find("u");
    EXPECT_EQ(texts(u->reads), (Strings{"u[j]", "u[n-i]"}));
    EXPECT_FALSE(u->reads[0].stable);
    EXPECT_TRUE(u->reads[1].stable);
    EXPECT_EQ(u->reads[1].index[0].dependsOn, (std::set<std::string>{"i", "n"}));
    EXPECT_EQ(texts(r.acc.find("r")->writes), (Strings{"r[i]", "r[n-i-1]"}));
}

TEST(AccessInspector, OutArgumentsAndAtomicAddAreWrites) {
    Checked c = checkSource(
        "def g(x : In[float], y : Out[float]):\n"
        "    y = 2.0 * x\n"
        "def f(u : In[Array[float]], r : Out[Array[float]], s : Out[Array[float]], n : In[int]):\n"
        "    #pragma omp parallel for\n"
        "    for i in range(n):\n"
        "        g(u[i], r[i])\n"
        "        atomic_add(s[0], u[i])\n");
    ASSERT_TRUE(c.ok);
    const ast::Function* f = c.module.findFunction("f");
    LoopAccesses acc = inspectLoop(*f, *firstPragmaLoop(f->body), &c.module, variableTypes(*f));
    EXPECT_TRUE(acc.writeOnly("r"));
    EXPECT_TRUE(acc.writeOnly("s"));
    EXPECT_TRUE(acc.find("s")->writes[0].accumulate);
    EXPECT_FALSE(acc.find("r")->writes[0].accumulate);
    EXPECT_TRUE(acc.readOnly("u"));
}

}  // namespace
}  // namespace lomaw::omp::test
