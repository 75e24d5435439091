// The forward-mode generator of one function (internal to ForwardDiff*.cpp).
//
// Every primal variable keeps its name and gets type D(T). A float expression becomes a pair
// (value, tangent) of float expressions; the value expression repeats the primal operations
// in the same order, so `.val` is bit-identical to the primal. A null tangent means
// "statically zero" and is simplified away. Calls of user functions (their forward
// derivatives) are evaluated into temporaries declared at the top of the body, in
// left-to-right order, just before the statement that uses them.
#pragma once

#include <string>
#include <unordered_map>

#include "ad/AdContext.h"
#include "ad/TypedBuild.h"

namespace lomaw::ad {

struct Dual {
    ExprPtr val;
    ExprPtr dval;  // null: statically zero
};

class ForwardDiffer {
public:
    ForwardDiffer(AdContext& ctx, const ast::Function& primal, ast::Function& out);
    void run();

private:
    // ---- expressions (ForwardDiffExpr.cpp)
    Dual dual(const ast::Expr& e);                // float-typed e
    ExprPtr value(const ast::Expr& e);            // primal value of scalar e (int or float)
    ExprPtr chain(const ast::Expr& e);            // e (lvalue chain or call) as a D(T) expression
    ExprPtr diffValue(const ast::Expr& e);        // any e as a D(type) expression
    Dual intrinsic(const ast::Expr& e);
    ExprPtr logic(const ast::Expr& e);            // `and` / `or`, short-circuiting calls
    ExprPtr callDerivative(const ast::Expr& call);  // the forward call, arguments translated
    ExprPtr hoist(ExprPtr call, SourceLoc loc);   // evaluates `call` into a temporary
    // A large pure value (a prefix of a long product) evaluated once into a temporary `_v`
    // before the statement, so that value and tangent share it: linear-size tangents.
    ExprPtr shareValue(ExprPtr v);
    // Higher-order forward mode (the primal is itself a forward derivative): every value a
    // tangent repeats is evaluated once into a temporary, whatever its size, so that each
    // level's code is a constant factor of the previous one's instead of re-expanding the
    // subtrees it copies (×6 and more per level before). In first order: v unchanged.
    ExprPtr shareNested(ExprPtr v);
    // A tangent of more than kMaxTangentNodes nodes evaluated into a temporary `_part` before
    // the statement: tangents of sums double per nested level, and one statement of 10^4
    // operations cost gcc -O2 more than linear time. Built bottom-up, so every statement of
    // the result stays below about twice the bound.
    ExprPtr splitLong(ExprPtr tangent);
    static constexpr int kMaxTangentNodes = 64;
    ExprPtr evaluateIntoTemporary(ExprPtr v, const char* name = "_v");  // `_v = v` before the statement; `_v`
    ExprPtr makeDual(Dual d);                     // make__dfloat(val, dval)

    // ---- repeated leaves (ForwardDiffFactor.cpp)
    // Tangents computed with some leaves' tangents replaced: `zero` ones by 0, or (when `one`
    // is set) that leaf's by 1 and every other by 0.
    struct Seeding {
        std::vector<const ast::Expr*> zero;
        const ast::Expr* one = nullptr;
    };
    const Seeding* seeding_ = nullptr;
    // e's dual with the tangent factored per repeated leaf; false (result untouched) when e
    // does not qualify.
    bool factoredDual(const ast::Expr& e, Dual& result);
    ExprPtr seededTangent(const ast::Expr& leaf, ExprPtr tangent) const;

    // ---- statements (ForwardDiffStmt.cpp)
    void block(const ast::Block& in, ast::Block& out);
    void stmt(const ast::Stmt& s, ast::Block& out);
    void flushPrelude(ast::Block& out);

    AdContext& ctx_;
    const ast::Function& primal_;
    ast::Function& out_;
    NameAllocator names_;
    ast::Block temps_;    // declarations of hoisted temporaries (top of the body)
    ast::Block prelude_;  // statements the current statement needs first
    SourceLoc loc_;       // the primal statement being translated
    // The primal builds dual numbers (calls make__dfloat or a forward derivative): sharing of
    // every repeated value (shareNested), no factoring of repeated leaves.
    bool nested_ = false;
    // Nested mode: printed value -> the temporary holding it, for the statements of the
    // current prelude (identical values, e.g. sin(x.val) in a value and in a tangent, are
    // computed once). Forgotten after a hoisted call (it may write variables) and for values
    // first computed inside a short-circuit branch.
    std::unordered_map<std::string, std::string> sharedValues_;
    size_t hoists_ = 0;  // calls hoisted so far
};

}  // namespace lomaw::ad
