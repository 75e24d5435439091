// Forward mode: tangents of expressions that use the same variable several times, factored.
//
// The product rule applied node by node writes the tangent of x*x*x - 6*x*x as
// (x'x + xx')x + (xx)x' - (6x'x + (6x)x'): seven multiplications for one input tangent. When
// a leaf (a float variable, element or member) occurs more than once, its contribution is
// computed as (∂e/∂leaf)·leaf' instead: the rules run once more with that leaf's tangent set
// to 1 and every other tangent to 0, which leaves an expression in primal values only (the C
// compiler shares it with the value computation) times one tangent. The other leaves keep
// the plain rules (their tangents with the repeated leaves' set to 0). Only expressions of
// +, -, *, sin, cos, exp and literals qualify: a division or sqrt/log/pow would be split into
// one division per leaf, and calls are evaluated into temporaries, which must happen once.
#include <unordered_map>

#include "ad/ForwardDiffer.h"
#include "sema/Builtins.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;

namespace {

bool hasCall(const Expr& e) {
    if (e.kind == Expr::Kind::Call) return true;
    for (const ExprPtr& o : e.operands)
        if (o && hasCall(*o)) return true;
    return false;
}

bool factorable(const Expr& e) {
    switch (e.kind) {
        case Expr::Kind::FloatLit:
        case Expr::Kind::IntLit: return true;
        case Expr::Kind::Var:
        case Expr::Kind::Index:
        case Expr::Kind::Member: return isLvalueChain(e) && !hasCall(e);
        case Expr::Kind::Neg: return factorable(*e.operands[0]);
        case Expr::Kind::Binary:
            return (e.op == BinaryOp::Add || e.op == BinaryOp::Sub || e.op == BinaryOp::Mul) &&
                   factorable(*e.operands[0]) && factorable(*e.operands[1]);
        case Expr::Kind::Call:
            if (e.operands.size() != 1) return false;
            if (e.name == "int2float") return !hasCall(*e.operands[0]);
            return (e.name == "sin" || e.name == "cos" || e.name == "exp") && factorable(*e.operands[0]);
        default: return false;
    }
}

// Float leaves of a factorable expression, each with its number of occurrences, in first
// occurrence order. Leaves are found by their printed text (equal chains print alike): a
// linear search with ast::equal made a product of n distinct factors cost O(n^3).
void countLeaves(const Expr& e, std::vector<std::pair<const Expr*, int>>& out,
                 std::unordered_map<std::string, size_t>& index) {
    if (e.kind == Expr::Kind::Var || e.kind == Expr::Kind::Index || e.kind == Expr::Kind::Member) {
        if (!e.type || !e.type->isFloat()) return;
        auto [it, fresh] = index.emplace(e.kind == Expr::Kind::Var ? e.name : syntax::printExpr(e), out.size());
        if (fresh) out.emplace_back(&e, 1);
        else ++out[it->second].second;
        return;
    }
    if (e.kind == Expr::Kind::Call && e.name == "int2float") return;
    for (const ExprPtr& o : e.operands)
        if (o) countLeaves(*o, out, index);
}

void countLeaves(const Expr& e, std::vector<std::pair<const Expr*, int>>& out) {
    std::unordered_map<std::string, size_t> index;
    countLeaves(e, out, index);
}

}  // namespace

bool ForwardDiffer::factoredDual(const Expr& e, Dual& result) {
    // Nested forward mode shares every repeated value instead (the leaves are the 2^k parts
    // of a k-th order dual number: one extra pass per leaf multiplied the size per level).
    if (nested_ || seeding_ || e.kind != Expr::Kind::Binary || !factorable(e)) return false;
    const Expr& l = *e.operands[0];
    const Expr& r = *e.operands[1];
    // x * x: x'x + xx' is one product the C compiler shares, as cheap as (x + x)x'.
    if (e.op == BinaryOp::Mul && isLvalueChain(l) && ast::equal(l, r)) return false;
    std::vector<std::pair<const Expr*, int>> leaves;
    countLeaves(e, leaves);
    // Factored at the smallest node holding every occurrence (some leaf occurs on both sides):
    // higher up, `s + f(x)` would become s' + a + b, two dependent additions where a loop
    // carries s (instead of s' + (a + b)).
    bool spans = false;
    for (const auto& [leaf, n] : leaves) spans = spans || n >= 2;
    if (spans) {
        spans = false;
        std::unordered_map<std::string, size_t> rightIndex;
        std::vector<std::pair<const Expr*, int>> rightLeaves;
        countLeaves(r, rightLeaves, rightIndex);
        std::vector<std::pair<const Expr*, int>> left;
        countLeaves(l, left);
        for (const auto& [leaf, n] : left)
            spans = spans || rightIndex.count(leaf->kind == Expr::Kind::Var ? leaf->name : syntax::printExpr(*leaf));
    }
    if (!spans) return false;
    Seeding plain;
    for (const auto& [leaf, n] : leaves)
        if (n >= 2) plain.zero.push_back(leaf);
    seeding_ = &plain;
    result = dual(e);
    for (const Expr* leaf : plain.zero) {
        Seeding one;
        one.one = leaf;
        seeding_ = &one;
        Dual partial = dual(e);
        result.dval = fAdd(std::move(result.dval),
                           fMul(std::move(partial.dval), tMember(chain(*leaf), "dval", Type::floatType())));
    }
    seeding_ = nullptr;
    return true;
}

ExprPtr ForwardDiffer::seededTangent(const Expr& leaf, ExprPtr tangent) const {
    if (!seeding_) return tangent;
    if (seeding_->one) return ast::equal(*seeding_->one, leaf) ? tFloat(1.0, leaf.loc) : nullptr;
    for (const Expr* z : seeding_->zero)
        if (ast::equal(*z, leaf)) return nullptr;
    return tangent;
}

}  // namespace lomaw::ad
