// The reverse-mode analyses and the tape plan as values (engine/ad/ReverseFacts.h,
// ReverseTapePlan.h), computed without generating anything, and the shared tree walker
// (engine/syntax/AstWalk.h) they stand on.
#include "AdTestSupport.h"
#include "ad/AdContext.h"
#include "ad/ReverseFacts.h"
#include "ad/ReverseTapePlan.h"
#include "sema/DerivativeSignature.h"
#include "syntax/AstWalk.h"

namespace lomaw::ad::test {
namespace {

using Names = std::set<std::string>;

struct Checked {
    ast::Module module;
    DiagnosticSink diags;
};

std::unique_ptr<Checked> checked(const std::string& src) {
    auto c = std::make_unique<Checked>();
    c->module = syntax::parse(src, c->diags);
    EXPECT_TRUE(sema::check(c->module, c->diags));
    return c;
}

// Function `name` of `src`, checked, its analyses and its tape plan (no code generated).
struct Analysed {
    std::unique_ptr<Checked> checked;
    const ast::Function* fn = nullptr;
    std::unique_ptr<AdContext> ctx;
    ReverseFacts facts;
    TapePlan plan;
};

Analysed analysed(const std::string& name, const std::string& src) {
    Analysed a;
    a.checked = checked(src);
    a.fn = a.checked->module.findFunction(name);
    const ast::Function d = sema::derivativeSignature(*a.fn, ast::DiffDecl::Mode::Reverse, "d_" + name);
    a.ctx = std::make_unique<AdContext>(a.checked->module, a.checked->diags);
    a.facts = analyseReverse(*a.ctx, *a.fn, d, {});
    a.plan = planTapes(*a.ctx, *a.fn, a.facts);
    return a;
}

// The statements of a plan entry, each as its first line reads.
std::set<std::string> printed(const std::set<const ast::Stmt*>& stmts) {
    std::set<std::string> out;
    for (const ast::Stmt* s : stmts) {
        switch (s->kind) {
            case ast::Stmt::Kind::Assign:
                out.insert(syntax::printExpr(*s->target) + " = " + syntax::printExpr(*s->value));
                break;
            case ast::Stmt::Kind::If: out.insert("if " + syntax::printExpr(*s->value)); break;
            case ast::Stmt::Kind::While: out.insert("while " + syntax::printExpr(*s->value)); break;
            case ast::Stmt::Kind::For: out.insert("for " + s->name); break;
            default: out.insert("?");
        }
    }
    return out;
}

const char* kLoop = R"(
def f(x : In[float], y : In[float], n : In[int]) -> float:
    s : float = 0.0
    t : float = x
    i : int = 0
    while (i < n, max_iter := 10):
        t = t * y
        s = s + t
        i = i + 1
    if x > 0.0:
        s = s * s
    return s
)";

TEST(AdReverseFacts, AnalysesAreValuesComputedBeforeGeneration) {
    const Analysed a = analysed("f", kLoop);
    const ReverseFacts& facts = a.facts;
    EXPECT_EQ(facts.inParams, (Names{"n", "x", "y"}));
    EXPECT_EQ(facts.withAdjoint, (Names{"s", "t", "x", "y"}));  // the floats; i and n are ints
    // t * y reads both (each is the other's factor), s * s reads s, the re-evaluated condition
    // reads x; the sum s + t and the step i + 1 read nothing.
    EXPECT_EQ(facts.reads, (Names{"s", "t", "x", "y"}));
    EXPECT_EQ(facts.readLines.at("x"), (std::set<int>{10}));
    // ... and the forward sweep computes them, and what decides the loop (i, n).
    EXPECT_EQ(facts.needed, (Names{"i", "n", "s", "t", "x", "y"}));
    EXPECT_EQ(printed(facts.restore.recomputed), Names{});
    const TapePlan& plan = a.plan;
    EXPECT_EQ(printed(plan.values), (Names{"s = s * s", "s = s + t", "t = t * y"}));
    EXPECT_EQ(printed(plan.inverted), Names{});  // i is never read back
    EXPECT_EQ(printed(plan.counted), (Names{"while i < n"}));
    EXPECT_TRUE(plan.branches.empty());  // x > 0.0 is evaluated again
    EXPECT_TRUE(plan.bounds.empty());
}

TEST(AdReverseFacts, BranchOnAWrittenVariableIsTapedAndTheIndexStepInverted) {
    const Analysed a = analysed("g", R"(
def g(x : In[Array[float]], n : In[int]) -> float:
    s : float = 0.0
    i : int = 0
    while (i < n, max_iter := 10):
        if s < 1.0:
            s = s + x[i] * x[i]
        i = i + 1
    return s
)");
    // x[i] * x[i] reads x and its index i; s < 1.0 cannot be evaluated again (the branch
    // writes s), so its decision is taped and s is not read.
    EXPECT_EQ(a.facts.reads, (Names{"i", "x"}));
    EXPECT_EQ(a.facts.needed, (Names{"i", "n", "s", "x"}));  // s decides the branch
    EXPECT_EQ(printed(a.plan.branches), (Names{"if s < 1.0"}));
    EXPECT_EQ(printed(a.plan.inverted), (Names{"i = i + 1"}));
    EXPECT_TRUE(a.plan.values.empty());
}

TEST(AdReverseFacts, OutArgumentTheReverseSweepReadsIsPushedBeforeTheCall) {
    const Analysed a = analysed("f", R"(
def h(a : In[float], b : Out[float]):
    b = a * a

def f(x : In[float]) -> float:
    y : float = x
    z : float = 0.0
    h(y * 2.0, y)
    h(x, z)
    return y * y + z
)");
    // y is passed to h's derivative and read by y * y: its value before the first call is
    // pushed; z is only summed, so the second call needs nothing.
    EXPECT_EQ(a.facts.reads, (Names{"x", "y"}));
    ASSERT_EQ(a.plan.outArgs.size(), 1u);
    EXPECT_EQ(a.plan.outArgs.begin()->first, a.fn->body[2].get());
    EXPECT_EQ(a.plan.outArgs.begin()->second, (std::vector<size_t>{1}));
}

TEST(AstWalk, QueriesSeeNestedBodiesInSourceOrder) {
    auto c = checked(kLoop);
    const ast::Function& f = *c->module.findFunction("f");
    std::vector<int> lines;
    ast::forEachStmt(f.body, [&](const ast::Stmt& s) { lines.push_back(s.loc.line); });
    EXPECT_EQ(lines, (std::vector<int>{3, 4, 5, 6, 7, 8, 9, 10, 11, 12}));
    EXPECT_EQ(ast::variablesOf(f.body), (Names{"i", "n", "s", "t", "x", "y"}));
    const ast::Stmt& loop = *f.body[3];
    EXPECT_TRUE(ast::mentions(loop, "y"));
    EXPECT_FALSE(ast::mentions(loop, "x"));
    EXPECT_TRUE(ast::anyStmt(f.body, [](const ast::Stmt& s) { return s.kind == ast::Stmt::Kind::If; }));
    int visited = 0;  // anyExpr stops at the first match: t of `t * y`, the second node
    EXPECT_TRUE(ast::anyExpr(*loop.body[0]->value, [&](const ast::Expr& e) {
        ++visited;
        return e.kind == ast::Expr::Kind::Var;
    }));
    EXPECT_EQ(visited, 2);
}

}  // namespace
}  // namespace lomaw::ad::test
