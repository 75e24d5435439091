// Higher-order forward mode (fwd_diff of fwd_diff ...): the code of each level is a constant
// factor of the previous level's, not a re-expansion of every value the tangents copy.
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

TEST(AdNestedForward, EachLevelAtMostTriplesTheArithmetic) {
    // A k-th order dual number has 2^k parts and a product of two costs 3^k products of
    // floats: ×3 per level is the arithmetic itself (sums only double), and the measured
    // growth tends to it (4.5 from the factored first order, then 3.45, 3.36, 3.26, 3.20).
    // Before, tangents copied the value subtrees they repeat and each level re-expanded
    // those copies: ×7.3, 6.2, 6.6, 7.4, 8.5 (1.3 million operations at level 6, now 39,000).
    // Nodes grow a little faster than operations: a leaf x.val.dval... gains a member per level.
    const int levels = 6;
    Differentiated d = differentiateSource(nestedSource(levels));
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
        EXPECT_LE(double(sizes[k].statements) / double(sizes[k - 1].statements), 3.0) << "level " << k + 1;
    }
}

TEST(AdNestedForward, NoStatementGrowsWithTheLevel) {
    // Tangents of sums double per level; one statement of thousands of operations (90 KB of C
    // at level 8) is split: a tangent of more than 64 nodes is evaluated into a `_part`
    // temporary, bottom-up, so every statement stays a few hundred operations at most
    // whatever the level (level 6 had statements of 2,000+ operations before).
    const int levels = 6;
    Differentiated d = differentiateSource(nestedSource(levels));
    ASSERT_TRUE(d.ok) << d.diagnostics();
    for (int k = 1; k <= levels; ++k) {
        const ast::Function* fn = d.fn("d" + std::to_string(k));
        ASSERT_NE(fn, nullptr);
        EXPECT_LE(sizeOf(*fn).largestStatement, 200u) << "level " << k;
    }
    const ast::Function* top = d.fn("d" + std::to_string(levels));
    ASSERT_NE(top, nullptr);
    bool split = false;
    ast::forEachStmt(top->body, [&](const ast::Stmt& st) {
        split = split || (st.kind == ast::Stmt::Kind::Declare && st.name.rfind("_part", 0) == 0);
    });
    EXPECT_TRUE(split);
}
