// Higher-order forward mode (fwd_diff of fwd_diff ...). A chain of fwd_diffs of a user kernel is
// the kernel over dual numbers of that order (ForwardLift.cpp, DualArithmetic.cpp): every level
// has the kernel's size plus a fixed set of small arithmetic helpers. Functions that build dual
// numbers themselves are differentiated body by body as before: there, the code of each level is
// a constant factor of the previous level's, not a re-expansion of every value tangents copy.
#include <algorithm>
#include <vector>

#include "syntax/AstWalk.h"
#include "engine/ad/AdTestSupport.h"

using namespace lomaw;
using namespace lomaw::ad::test;

namespace {

// f(x) = x^3 sin(x) and `levels` nested forward derivatives d1 = fwd_diff(f), d2 = fwd_diff(d1) ...
std::string nestedSource(int levels) {
    std::string src = "def f(x : In[float]) -> float:\n    return x * x * x * sin(x)\n\n";
    std::string prev = "f";
    for (int k = 1; k <= levels; ++k) {
        src += "d" + std::to_string(k) + " = fwd_diff(" + prev + ")\n";
        prev = "d" + std::to_string(k);
    }
    return src;
}

// The same derivative written by hand over _dfloat (g = fwd_diff of x^3 sin x), then
// differentiated `levels` times: a body that builds dual numbers itself is not lifted.
std::string handBuiltSource(int levels) {
    std::string src =
        "def g(x : In[_dfloat]) -> _dfloat:\n"
        "    return make__dfloat(x.val * x.val * x.val * sin(x.val), (3.0 * x.val * x.val * sin(x.val) + "
        "x.val * x.val * x.val * cos(x.val)) * x.dval)\n\n";
    std::string prev = "g";
    for (int k = 1; k <= levels; ++k) {
        src += "d" + std::to_string(k) + " = fwd_diff(" + prev + ")\n";
        prev = "d" + std::to_string(k);
    }
    return src;
}

struct Size {
    size_t operations = 0;  // arithmetic: unary and binary operators, calls
    size_t nodes = 0;       // expression nodes of the body
    size_t statements = 0;  // statements of the body
    size_t largestStatement = 0;  // operations of the statement with most of them
};

Size sizeOf(const ast::Function& fn) {
    Size s;
    ast::forEachStmt(fn.body, [&](const ast::Stmt& st) {
        ++s.statements;
        size_t own = 0;
        ast::forEachOwnExpr(st, [&](const ast::Expr& e) { ast::forEachExpr(e, [&](const ast::Expr& n) {
            ++s.nodes;
            if (n.kind == ast::Expr::Kind::Binary || n.kind == ast::Expr::Kind::Neg || n.kind == ast::Expr::Kind::Call) ++own;
        });
        });
        s.operations += own;
        s.largestStatement = std::max(s.largestStatement, own);
    });
    return s;
}

}  // namespace

TEST(AdNestedForward, EachLevelOfAKernelIsTheKernelOverDualNumbers) {
    // Eight levels: d2 ... d8 are the kernel's one statement with its operations replaced by
    // the helpers of their order, and each order adds the same helpers of the same size. Before, each level was about 3.5 times the previous one (6.5 MB of C
    // and 2.9 s of lomaw at level 8 of a two-line kernel; now 24 KB and 0.03 s).
    const int levels = 8;
    Differentiated d = differentiateSource(nestedSource(levels));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    const ast::Function* second = d.fn("d2");
    ASSERT_NE(second, nullptr);
    const Size kernel = sizeOf(*second);
    EXPECT_EQ(kernel.statements, 1u);
    for (int k = 3; k <= levels; ++k) {
        const ast::Function* fn = d.fn("d" + std::to_string(k));
        ASSERT_NE(fn, nullptr);
        EXPECT_EQ(sizeOf(*fn).operations, kernel.operations) << "level " << k;
        EXPECT_EQ(sizeOf(*fn).statements, kernel.statements) << "level " << k;
    }
    // Helpers per order: the ones named after that order's type (_dfloat, _d_dfloat, ...).
    std::vector<std::pair<size_t, size_t>> helpers(levels + 1);  // (functions, operations)
    std::string type = "_dfloat";
    for (int k = 1; k <= levels; ++k, type = "_d" + type)
        for (const ast::Function* fn : d.module.functions())
            if (fn->name.rfind("__lomaw_", 0) == 0 && fn->name.size() > type.size() &&
                fn->name.compare(fn->name.size() - type.size() - 1, std::string::npos, "_" + type) == 0) {
                ++helpers[k].first;
                helpers[k].second += sizeOf(*fn).operations;
            }
    // The kernel calls mul and sincos of the top order; every order below also has add and neg,
    // which the order above uses: the same four helpers of the same size at orders 2 to 7.
    EXPECT_EQ(helpers[levels].first, 2u);
    EXPECT_EQ(helpers[1].first, 4u);
    for (int k = 3; k < levels; ++k) EXPECT_EQ(helpers[k], helpers[2]) << "order " << k;
}

TEST(AdNestedForward, SecondOrderKernelAndItsHelpers) {
    Differentiated d = differentiateSource(nestedSource(2));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(functionText(d, "d2"),
              "def d2(x : In[_d_dfloat]) -> _d_dfloat:\n"
              "    return __lomaw_mul__d_dfloat(__lomaw_mul__d_dfloat(__lomaw_mul__d_dfloat(x, x), x), "
              "__lomaw_sincos__d_dfloat(x).val)");
    EXPECT_EQ(functionText(d, "__lomaw_mul__d_dfloat"),
              "def __lomaw_mul__d_dfloat(a : In[_d_dfloat], b : In[_d_dfloat]) -> _d_dfloat:\n"
              "    _r : _d_dfloat\n"
              "    _r.val = __lomaw_mul__dfloat(a.val, b.val)\n"
              "    _r.dval = __lomaw_add__dfloat(__lomaw_mul__dfloat(a.dval, b.val), __lomaw_mul__dfloat(a.val, b.dval))\n"
              "    return _r");
    // sin and cos of every order from one pair of C library calls.
    EXPECT_EQ(functionText(d, "__lomaw_sincos__dfloat"),
              "def __lomaw_sincos__dfloat(a : In[_dfloat]) -> _d_dfloat:\n"
              "    _r : _d_dfloat\n"
              "    _s : float\n"
              "    _s = sin(a.val)\n"
              "    _c : float\n"
              "    _c = cos(a.val)\n"
              "    _r.val.val = _s\n"
              "    _r.val.dval = _c * a.dval\n"
              "    _r.dval.val = _c\n"
              "    _r.dval.dval = -(_s * a.dval)\n"
              "    return _r");
    // The first order is differentiated in place, as before (factored, no helpers).
    EXPECT_EQ(functionText(d, "d1").find("__lomaw_"), std::string::npos);
}

TEST(AdNestedForward, HandBuiltDualNumbersAreDifferentiatedBodyByBody) {
    Differentiated d = differentiateSource(handBuiltSource(2));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    EXPECT_EQ(d.text().find("__lomaw_"), std::string::npos);
}

TEST(AdNestedForward, EachLevelAtMostTriplesTheArithmetic) {
    // A k-th order dual number has 2^k parts and a product of two costs 3^k products of
    // floats: ×3 per level is the arithmetic itself (sums only double), and the measured
    // growth tends to it (of x^3 sin x differentiated body by body from the factored first
    // order: 4.5, then 3.45, 3.36, 3.26, 3.20; statements of the hand-built g: ≤ 3.07).
    // Before, tangents copied the value subtrees they repeat and each level re-expanded
    // those copies: ×7.3, 6.2, 6.6, 7.4, 8.5 (1.3 million operations at level 6, now 39,000).
    // Nodes grow a little faster than operations: a leaf x.val.dval... gains a member per level.
    const int levels = 6;
    Differentiated d = differentiateSource(handBuiltSource(levels));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    std::vector<Size> sizes;
    for (int k = 1; k <= levels; ++k) {
        const ast::Function* fn = d.fn("d" + std::to_string(k));
        ASSERT_NE(fn, nullptr);
        sizes.push_back(sizeOf(*fn));
    }
    EXPECT_LE(double(sizes[1].operations) / double(sizes[0].operations), 5.0);
    for (size_t k = 2; k < sizes.size(); ++k) {
        const double growth = double(sizes[k].operations) / double(sizes[k - 1].operations);
        EXPECT_LE(growth, 3.5) << "level " << k + 1 << " over level " << k;
        EXPECT_LE(double(sizes[k].statements) / double(sizes[k - 1].statements), 3.2) << "level " << k + 1;
    }
}

TEST(AdNestedForward, NoStatementGrowsWithTheLevel) {
    // Tangents of sums double per level; one statement of thousands of operations (90 KB of C
    // at level 8) is split: a tangent of more than 64 nodes is evaluated into a `_part`
    // temporary, bottom-up, so every statement stays a few hundred operations at most
    // whatever the level (level 6 had statements of 2,000+ operations before; the hand-built
    // g's largest has 222-233 at every level).
    const int levels = 6;
    Differentiated d = differentiateSource(handBuiltSource(levels));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    for (int k = 1; k <= levels; ++k) {
        const ast::Function* fn = d.fn("d" + std::to_string(k));
        ASSERT_NE(fn, nullptr);
        EXPECT_LE(sizeOf(*fn).largestStatement, 250u) << "level " << k;
    }
    const ast::Function* top = d.fn("d" + std::to_string(levels));
    ASSERT_NE(top, nullptr);
    bool split = false;
    ast::forEachStmt(top->body, [&](const ast::Stmt& st) {
        split = split || (st.kind == ast::Stmt::Kind::Declare && st.name.rfind("_part", 0) == 0);
    });
    EXPECT_TRUE(split);
}
