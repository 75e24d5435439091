// Structure of the differentiated module: where generated functions go, their signatures
// (docs/language.md §6.1-§6.3, §6.7), inherited decorators, names and source locations.
#include <functional>

#include "AdTestSupport.h"

namespace lomaw::ad::test {
namespace {

std::string signatureText(const ast::Function& f) {
    std::string s = f.name + "(";
    for (size_t i = 0; i < f.params.size(); ++i) {
        const ast::Param& p = f.params[i];
        s += (i ? ", " : "") + p.name + " : " + (p.isOut ? "Out[" : "In[") + toString(p.resolved) + "]";
    }
    s += ")";
    if (f.returnType && !f.returnType->isVoid()) s += " -> " + toString(f.returnType);
    return s;
}

TEST(AdStructure, DeclarationIsReplacedInPlaceAndCalleesAppendedInRequestOrder) {
    auto d = differentiateSource(R"(
def g(x : In[float]) -> float:
    return x * x

def h(x : In[float]) -> float:
    return sin(x)

def f(x : In[float]) -> float:
    return h(x) + g(x)

d_f = fwd_diff(f)

def after(x : In[float]) -> float:
    return x
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::vector<std::string> names;
    for (const ast::Item& it : d.module.items)
        if (auto* f = std::get_if<ast::Function>(&it)) names.push_back(f->name);
        else if (std::holds_alternative<ast::DiffDecl>(it)) names.push_back("<DiffDecl>");
    std::vector<std::string> expected = {"g", "h", "f", "d_f", "after", "_d_fwd_h", "_d_fwd_g"};
    EXPECT_EQ(names, expected);
    const ast::Function* df = d.fn("d_f");
    ASSERT_NE(df, nullptr);
    EXPECT_TRUE(df->generated);
    EXPECT_EQ(df->derivedFrom, "f");
    EXPECT_EQ(d.fn("_d_fwd_g")->derivedFrom, "g");
}

TEST(AdStructure, SignaturesFollowTheWorkedTable) {
    auto d = differentiateSource(R"(
class Foo:
    x : float
    n : int
    v : Array[float, 3]

def o(x : In[float], y : Out[float]):
    y = x

def h(a : In[Array[float]], b : Out[Array[float]], k : In[int]):
    b[k] = a[k]

def s(f : In[Foo], out : Out[Foo]) -> Foo:
    out = f
    return f

def grad(x : In[float], y : In[float], gx : Out[float], gy : Out[float]):
    gx = x
    gy = y

fo = fwd_diff(o)
ro = rev_diff(o)
fh = fwd_diff(h)
rh = rev_diff(h)
fs = fwd_diff(s)
rs = rev_diff(s)
rg = rev_diff(grad)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(signatureText(*d.fn("fo")), "fo(x : In[_dfloat], y : Out[_dfloat])");
    EXPECT_EQ(signatureText(*d.fn("ro")), "ro(x : In[float], _dx : Out[float], _dy : In[float])");
    EXPECT_EQ(signatureText(*d.fn("fh")), "fh(a : In[Array[_dfloat]], b : Out[Array[_dfloat]], k : In[int])");
    EXPECT_EQ(signatureText(*d.fn("rh")),
              "rh(a : In[Array[float]], _da : Out[Array[float]], _db : In[Array[float]], k : In[int], _dk : Out[int])");
    EXPECT_EQ(signatureText(*d.fn("fs")), "fs(f : In[_dFoo], out : Out[_dFoo]) -> _dFoo");
    EXPECT_EQ(signatureText(*d.fn("rs")), "rs(f : In[Foo], _df : Out[Foo], _dout : In[Foo], _dreturn : In[Foo])");
    EXPECT_EQ(signatureText(*d.fn("rg")),
              "rg(x : In[float], _dx : Out[float], y : In[float], _dy : Out[float], _dgx : In[float], _dgy : In[float])");
}

TEST(AdStructure, DecoratorsAreInherited) {
    auto d = differentiateSource(R"(
@simd
@openMpi
def k(x : In[Array[float]], z : Out[Array[float]]):
    z[thread_id()] = x[thread_id()]

fk = fwd_diff(k)
rk = rev_diff(k)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    for (const char* n : {"fk", "rk"}) {
        EXPECT_TRUE(d.fn(n)->simd) << n;
        EXPECT_TRUE(d.fn(n)->openMpi) << n;
    }
}

TEST(AdStructure, LastUserDeclarationOfAModeIsUsedForCallees) {
    auto d = differentiateSource(R"(
def g(x : In[float]) -> float:
    return x * x

def f(x : In[float]) -> float:
    return g(x)

g1 = fwd_diff(g)
g2 = fwd_diff(g)
d_f = fwd_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(d.fn("_d_fwd_g"), nullptr);
    EXPECT_NE(functionText(d, "d_f").find("g2(x)"), std::string::npos) << functionText(d, "d_f");
}

TEST(AdStructure, RecursiveFunctionCallsItsOwnDerivative) {
    auto d = differentiateSource(R"(
def f(x : In[float], n : In[int]) -> float:
    r : float = x
    if n > 0:
        r = x * f(x, n - 1)
    return r

r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_NE(functionText(d, "r_f").find("r_f(x, _d_x, n - 1, "), std::string::npos) << functionText(d, "r_f");
    EXPECT_EQ(d.fn("_d_rev_f"), nullptr);
}

TEST(AdStructure, GeneratedStatementsKeepThePrimalStatementLocation) {
    auto d = differentiateSource(R"(
def f(x : In[float]) -> float:
    y : float = x * x
    y = y * x
    return y

d_f = fwd_diff(f)
r_f = rev_diff(f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    const ast::Function* df = d.fn("d_f");
    ASSERT_EQ(df->body.size(), 3u);
    EXPECT_EQ(df->body[0]->loc.line, 3);
    EXPECT_EQ(df->body[1]->loc.line, 4);
    EXPECT_EQ(df->body[2]->loc.line, 5);
    // Every statement of the reverse derivative comes from some primal line 3..5 (or the def).
    for (const ast::StmtPtr& s : d.fn("r_f")->body) {
        EXPECT_GE(s->loc.line, 2);
        EXPECT_LE(s->loc.line, 5);
    }
}

// The result must be typed like a checked module: every expression has a type, every
// declaration a resolved type, every parameter a resolved type.
TEST(AdStructure, GeneratedCodeIsFullyTyped) {
    auto d = differentiateSource(R"(
class P:
    x : float
    v : Array[float, 2]

def g(p : In[P], k : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < k, max_iter := 5):
        s = s * p.x + p.v[1]
        i = i + 1
    for j in range(k):
        s = s + sin(p.v[0]) * int2float(j)
    if s > 1.0:
        s = pow(s, 2)
    return s

fg = fwd_diff(g)
rg = rev_diff(g)
hg = rev_diff(fg)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    int untyped = 0;
    std::function<void(const ast::Expr&)> ex = [&](const ast::Expr& e) {
        if (!e.type) ++untyped;
        for (const ast::ExprPtr& o : e.operands) ex(*o);
    };
    std::function<void(const ast::Block&)> walk = [&](const ast::Block& b) {
        for (const ast::StmtPtr& s : b) {
            if (s->kind == ast::Stmt::Kind::Declare && (!s->resolved || !s->declType)) ++untyped;
            if (s->target) ex(*s->target);
            if (s->value) ex(*s->value);
            for (const ast::ExprPtr& a : s->rangeArgs) ex(*a);
            walk(s->body);
            walk(s->orelse);
        }
    };
    for (const char* n : {"fg", "rg", "hg"}) {
        const ast::Function* f = d.fn(n);
        ASSERT_NE(f, nullptr) << n;
        ASSERT_TRUE(f->returnType) << n;
        for (const ast::Param& p : f->params) EXPECT_TRUE(p.resolved && p.annotation) << n << " " << p.name;
        walk(f->body);
    }
    EXPECT_EQ(untyped, 0);
}

TEST(AdStructure, SecondOrderForwardMaterialisesTheNestedDifferentialStruct) {
    auto d = differentiateSource(R"(
def f(x : In[float]) -> float:
    return x * x

d_f = fwd_diff(f)
dd_f = fwd_diff(d_f)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    const ast::StructDecl* s = d.module.findStruct("_d_dfloat");
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(s->members.size(), 2u);
    EXPECT_EQ(s->members[0].name, "val");
    EXPECT_EQ(toString(s->members[0].resolved), "_dfloat");
    EXPECT_EQ(signatureText(*d.fn("dd_f")), "dd_f(x : In[_d_dfloat]) -> _d_dfloat");
    // dd_f is f over second-order dual numbers (docs/ad.md, "Nested forward mode").
    EXPECT_NE(d.fn("__lomaw_mul__d_dfloat"), nullptr);
}

TEST(AdStructure, ForwardOfAFunctionBuildingDualNumbersDifferentiatesMakeDfloat) {
    auto d = differentiateSource(R"(
def g(x : In[_dfloat]) -> _dfloat:
    return make__dfloat(x.val * x.val, 2.0 * x.val * x.dval)

d_g = fwd_diff(g)
)");
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(signatureText(*d.fn("d_g")), "d_g(x : In[_d_dfloat]) -> _d_dfloat");
    // make__dfloat under higher-order use is differentiated like any callee.
    EXPECT_NE(d.fn("_d_fwd_make__dfloat"), nullptr);
}

}  // namespace
}  // namespace lomaw::ad::test
