// Derivative declarations (docs/language.md §6): generated signatures (worked table §6.7, name
// de-duplication, higher order), calls to derivatives, unknown targets, generated-name
// collisions through the call graph, and the rev_diff restrictions (§6.6).
#include "SemaTestUtil.h"
#include "sema/DerivativeSignature.h"

namespace lomaw::sema::test {
namespace {

using Mode = ast::DiffDecl::Mode;

// The spelling of docs/language.md §6.7: "@simd (x : In[float], ...) -> float".
std::string spell(const ast::Function& f) {
    std::string s = f.simd ? "@simd (" : "(";
    for (size_t i = 0; i < f.params.size(); ++i) {
        const ast::Param& p = f.params[i];
        if (i) s += ", ";
        s += p.name + " : " + (p.isOut ? "Out[" : "In[") + toString(p.resolved) + "]";
    }
    s += ")";
    if (f.returnType && !f.returnType->isVoid()) s += " -> " + toString(f.returnType);
    return s;
}

const char* kWorkedTable =
    "class Foo:\n"
    "    x : float\n"
    "    n : int\n"
    "    v : Array[float, 3]\n"
    "def f(x : In[float], y : In[float]) -> float:\n"
    "    return x * y\n"
    "def g(x : In[float], n : In[int]) -> int:\n"
    "    return n\n"
    "def o(x : In[float], y : Out[float]):\n"
    "    y = x\n"
    "def h(a : In[Array[float]], b : Out[Array[float]], k : In[int]):\n"
    "    b[k] = a[k]\n"
    "def s(f : In[Foo], out : Out[Foo]) -> Foo:\n"
    "    out = f\n"
    "    return f\n"
    "def m(q : In[Array[Array[float]]], c : In[Foo]) -> float:\n"
    "    return q[0][0] * c.x\n"
    "@simd\n"
    "def k(x : In[Array[float]], z : Out[Array[float]]):\n"
    "    i : int = thread_id()\n"
    "    z[i] = x[i]\n"
    "def p(d : In[Diff[float]]) -> float:\n"
    "    return d.val * d.dval\n"
    "def grad(x : In[float], y : In[float], gx : Out[float], gy : Out[float]):\n"
    "    gx = y\n"
    "    gy = x\n";

std::string declarationsForAll() {
    std::string out;
    for (const char* n : {"f", "g", "o", "h", "s", "m", "k", "p", "grad"})
        out += std::string("fwd_") + n + " = fwd_diff(" + n + ")\nrev_" + n + " = rev_diff(" + n + ")\n";
    return out;
}

TEST(DerivativeSignatures, WorkedTableOfSection6_7) {
    auto c = check(std::string(kWorkedTable) + declarationsForAll());
    ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.all());
    struct Row { const char* primal; const char* fwd; const char* rev; };
    const Row rows[] = {
        {"f", "(x : In[_dfloat], y : In[_dfloat]) -> _dfloat",
         "(x : In[float], _dx : Out[float], y : In[float], _dy : Out[float], _dreturn : In[float])"},
        {"g", "(x : In[_dfloat], n : In[int]) -> int",
         "(x : In[float], _dx : Out[float], n : In[int], _dn : Out[int], _dreturn : In[int])"},
        {"o", "(x : In[_dfloat], y : Out[_dfloat])", "(x : In[float], _dx : Out[float], _dy : In[float])"},
        {"h", "(a : In[Array[_dfloat]], b : Out[Array[_dfloat]], k : In[int])",
         "(a : In[Array[float]], _da : Out[Array[float]], _db : In[Array[float]], k : In[int], _dk : Out[int])"},
        {"s", "(f : In[_dFoo], out : Out[_dFoo]) -> _dFoo",
         "(f : In[Foo], _df : Out[Foo], _dout : In[Foo], _dreturn : In[Foo])"},
        {"m", "(q : In[Array[Array[_dfloat]]], c : In[_dFoo]) -> _dfloat",
         "(q : In[Array[Array[float]]], _dq : Out[Array[Array[float]]], c : In[Foo], _dc : Out[Foo], _dreturn : In[float])"},
        {"k", "@simd (x : In[Array[_dfloat]], z : Out[Array[_dfloat]])",
         "@simd (x : In[Array[float]], _dx : Out[Array[float]], _dz : In[Array[float]])"},
        {"p", "(d : In[_d_dfloat]) -> _dfloat", "(d : In[_dfloat], _dd : Out[_dfloat], _dreturn : In[float])"},
        {"grad", "(x : In[_dfloat], y : In[_dfloat], gx : Out[_dfloat], gy : Out[_dfloat])",
         "(x : In[float], _dx : Out[float], y : In[float], _dy : Out[float], _dgx : In[float], _dgy : In[float])"},
    };
    for (const Row& r : rows) {
        const ast::Function& primal = c.fn(r.primal);
        ast::Function fwd = derivativeSignature(primal, Mode::Forward, "d");
        ast::Function rev = derivativeSignature(primal, Mode::Reverse, "d");
        EXPECT_EQ(spell(fwd), r.fwd) << r.primal;
        EXPECT_EQ(spell(rev), r.rev) << r.primal;
        EXPECT_TRUE(fwd.generated && rev.generated);
        EXPECT_EQ(rev.derivedFrom, r.primal);
        EXPECT_TRUE(fwd.body.empty());
    }
    // _d_dfloat is used (fwd_diff(p)), so it is generated after the first-order structs.
    std::vector<std::string> generated;
    for (const ast::StructDecl* s : c.module.structs())
        if (s->generated) generated.push_back(s->name);
    EXPECT_EQ(generated, (Lines{"_dfloat", "_dFoo", "_d_dfloat"}));
}

TEST(DerivativeSignatures, ReverseNamesGetSmallestFreeSuffix) {
    auto c = check("def q(x : In[float], _dx : In[float], _dx_2 : Out[float]) -> float:\n"
                   "    _dx_2 = x\n"
                   "    return x\n"
                   "def r(_dreturn : In[float]) -> float:\n"
                   "    return _dreturn\n"
                   "def t(x : In[float], _dx : In[float], _dx_2 : In[float]):\n"
                   "    x = _dx + _dx_2\n");
    ASSERT_TRUE(c.ok);
    EXPECT_EQ(spell(derivativeSignature(c.fn("q"), Mode::Reverse, "d")),
              "(x : In[float], _dx_2 : Out[float], _dx : In[float], _d_dx : Out[float], "
              "_d_dx_2 : In[float], _dreturn : In[float])");
    EXPECT_EQ(spell(derivativeSignature(c.fn("r"), Mode::Reverse, "d")),
              "(_dreturn : In[float], _d_dreturn : Out[float], _dreturn_2 : In[float])");
    EXPECT_EQ(spell(derivativeSignature(c.fn("t"), Mode::Reverse, "d")),
              "(x : In[float], _dx_3 : Out[float], _dx : In[float], _d_dx : Out[float], "
              "_dx_2 : In[float], _d_dx_2 : Out[float])");
}

TEST(DerivativeSignatures, InheritsSimdAndOpenMpiAndHigherOrder) {
    auto c = check("@openMpi\n"
                   "def f(x : In[float], y : In[float]) -> float:\n"
                   "    return x * y\n"
                   "d_f = fwd_diff(f)\n"
                   "h = rev_diff(d_f)\n"
                   "ff = fwd_diff(d_f)\n"
                   "def use(x : In[float]) -> float:\n"
                   "    a : Diff[float]\n"
                   "    g : Diff[float]\n"
                   "    a.val = x\n"
                   "    a.dval = 1.0\n"
                   "    h(a, g, a, g, a)\n"
                   "    b : Diff[Diff[float]]\n"
                   "    b.val = a\n"
                   "    return ff(b, b).dval.val + d_f(a, a).dval\n");
    ASSERT_TRUE(c.ok) << ::testing::PrintToString(c.all());
    std::vector<std::string> generated;
    for (const ast::StructDecl* s : c.module.structs())
        if (s->generated) generated.push_back(s->name);
    EXPECT_EQ(generated, (Lines{"_dfloat", "_d_dfloat"}));
    const ast::StructDecl* dd = c.module.findStruct("_d_dfloat");
    ASSERT_EQ(dd->members.size(), 2u);
    EXPECT_EQ(dd->members[0].name, "val");
    EXPECT_EQ(toString(dd->members[0].resolved), "_dfloat");
    EXPECT_EQ(dd->members[1].name, "dval");
    // The type of the call of a second-order derivative.
    const ast::Expr& ret = *c.fn("use").body.back()->value;
    EXPECT_EQ(toString(ret.operands[0]->operands[0]->type), "_dfloat");
    EXPECT_EQ(toString(ret.operands[0]->operands[0]->operands[0]->type), "_d_dfloat");
    // @openMpi is inherited.
    ast::Function d = derivativeSignature(c.fn("f"), Mode::Forward, "d_f");
    EXPECT_TRUE(d.openMpi);
    EXPECT_FALSE(d.simd);
}

TEST(DerivativeCalls, CallsUseTheGeneratedSignature) {
    auto c = check("def f(x : In[float], y : In[float]) -> float:\n"
                   "    return x * y\n"
                   "rf = rev_diff(f)\n"
                   "df = fwd_diff(f)\n"
                   "def use(x : In[float]) -> float:\n"
                   "    gx : float\n"
                   "    gy : float\n"
                   "    rf(x, gx, x, gy, 1.0)\n"
                   "    rf(x, gx)\n"
                   "    z : float = rf(x, gx, x, gy, 1)\n"
                   "    return df(x, x).dval\n");
    EXPECT_EQ(c.all(), (Lines{"9:5: error [call-arguments]", "10:17: error [out-call-in-expression]",
                              "11:12: error [call-arguments]"}));
}

TEST(DerivativeDecls, UnknownTargetAndCycle) {
    auto c = check("d = fwd_diff(nope)\n"
                   "e = rev_diff(sin)\n"
                   "a = fwd_diff(b)\n"
                   "b = rev_diff(a)\n");
    EXPECT_EQ(c.all(), (Lines{"1:14: error [unknown-diff-target]", "2:14: error [unknown-diff-target]",
                              "3:14: error [bad-diff-decl]"}));
}

TEST(DerivativeDecls, DuplicateDerivativeName) {
    auto c = check("def f(x : In[float]) -> float:\n"
                   "    return x\n"
                   "d = fwd_diff(f)\n"
                   "d = rev_diff(f)\n");
    EXPECT_EQ(c.all(), (Lines{"4:1: error [duplicate-definition]"}));
    EXPECT_EQ(c.notes(), (Lines{"3:1: note"}));
}

TEST(GeneratedNames, CollisionWithUserFunctionThroughCallGraph) {
    auto c = check("def h(x : In[float]) -> float:\n"
                   "    return x * x\n"
                   "def g(x : In[float]) -> float:\n"
                   "    return h(x)\n"
                   "def f(x : In[float]) -> float:\n"
                   "    return g(x)\n"
                   "def _d_rev_h(x : In[float]) -> float:\n"
                   "    return x\n"
                   "def _d_fwd_h(x : In[float]) -> float:\n"
                   "    return x\n"
                   "d_f = rev_diff(f)\n");
    // Only the reverse derivative of h is generated, so only _d_rev_h collides.
    EXPECT_EQ(c.all(), (Lines{"7:5: error [generated-name-collision]"}));
    EXPECT_EQ(c.notes(), (Lines{"11:1: note"}));
}

TEST(GeneratedNames, UserDeclaredDerivativeOfCalleeIsUsedInstead) {
    auto c = check("def g(x : In[float]) -> float:\n"
                   "    return x * x\n"
                   "def f(x : In[float]) -> float:\n"
                   "    return g(x)\n"
                   "def _d_fwd_g(x : In[float]) -> float:\n"
                   "    return x\n"
                   "my_dg = fwd_diff(g)\n"
                   "d_f = fwd_diff(f)\n");
    EXPECT_TRUE(c.ok) << ::testing::PrintToString(c.all());
}

TEST(GeneratedNames, HigherOrderNamesAndRecursion) {
    auto c = check("def g(x : In[float]) -> float:\n"
                   "    return g(x)\n"
                   "def f(x : In[float]) -> float:\n"
                   "    return g(x)\n"
                   "d_f = fwd_diff(f)\n"
                   "r = rev_diff(d_f)\n"
                   "def _d_rev__d_fwd_g(x : In[float]) -> float:\n"
                   "    return x\n");
    EXPECT_EQ(c.all(), (Lines{"7:5: error [generated-name-collision]"}));
    EXPECT_EQ(c.notes(), (Lines{"6:1: note"}));
}

TEST(RevRestriction, ReadingOutParameterAndWritingInArray) {
    auto c = check("def w(o : Out[float]):\n"
                   "    o = 1.0\n"
                   "def f(x : In[Array[float]], y : Out[float], n : In[float]):\n"
                   "    y = x[0]\n"
                   "    t : float = y\n"
                   "    x[1] = 2.0\n"
                   "    w(x[2])\n"
                   "    atomic_add(x[3], 1.0)\n"
                   "    w(y)\n"
                   "    atomic_add(y, n)\n"
                   "    n = 3.0\n"
                   "d = rev_diff(f)\n"
                   "e = fwd_diff(f)\n");
    EXPECT_EQ(c.all(), (Lines{"5:17: error [rev-restriction]", "6:5: warning [in-array-write]",
                              "6:5: error [rev-restriction]", "7:7: warning [in-array-write]",
                              "7:7: error [rev-restriction]", "8:16: warning [in-array-write]",
                              "8:16: error [rev-restriction]"}));
    EXPECT_EQ(c.notes(), (Lines{"12:1: note", "12:1: note", "12:1: note", "12:1: note"}));
}

TEST(RevRestriction, AppliesToCalleesAndThroughForwardDerivatives) {
    auto c = check("def g(a : In[Array[float]], s : Out[float]):\n"
                   "    s = s + a[0]\n"
                   "def f(x : In[Array[float]], z : Out[float]):\n"
                   "    g(x, z)\n"
                   "df = fwd_diff(f)\n"
                   "r = rev_diff(df)\n");
    EXPECT_EQ(c.all(), (Lines{"2:9: error [rev-restriction]"}));
    EXPECT_EQ(c.notes(), (Lines{"6:1: note"}));
}

TEST(RevRestriction, ForwardModeHasNoRestrictions) {
    auto c = check("def f(x : In[Array[float]], y : Out[float]):\n"
                   "    y = 1.0\n"
                   "    y = y + x[0]\n"
                   "d = fwd_diff(f)\n");
    EXPECT_TRUE(c.ok);
}

}  // namespace
}  // namespace lomaw::sema::test
