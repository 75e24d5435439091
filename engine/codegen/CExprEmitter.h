// Kernel expressions as C expressions (§3.4, §4): readable C with minimal parentheses, and
// temporaries in the prelude only where C's unspecified operand order could differ from
// loma's left-to-right order (see CEvalOrder) or a short-circuit operand needs statements.
#pragma once

#include <string>
#include <unordered_map>

#include "codegen/CEvalOrder.h"
#include "codegen/CUnitContext.h"

namespace lomaw::codegen {

// C precedence levels (higher binds tighter).
enum CPrec : int {
    kPrecLogOr = 4,
    kPrecLogAnd = 5,
    kPrecEquality = 9,
    kPrecRelational = 10,
    kPrecAdditive = 12,
    kPrecMultiplicative = 13,
    kPrecUnary = 14,
    kPrecPostfix = 15,
    kPrecPrimary = 16,
};

struct CExpr {
    std::string text;
    int prec = kPrecPrimary;
};

// `text` parenthesised unless it binds at least as tight as `minPrec`.
std::string cWrap(const CExpr& e, int minPrec);
// A float literal: the double rounded to float, spelled so that C reads back the same float
// (shortest round-trip digits + 'f'; INFINITY when the rounding overflows).
std::string cFloatLiteral(double value);

class CExprEmitter {
public:
    CExprEmitter(CFunctionScope& scope, const CEvalOrder& order) : scope_(scope), order_(order) {}

    CExpr value(const ast::Expr& e, CPrelude& pre);
    // An int-valued C truth expression for if/while/and/or (comparisons stay raw C ints).
    CExpr condition(const ast::Expr& e, CPrelude& pre);
    // The lvalue of an assignment target; with hoistIndices its non-constant index
    // expressions are evaluated into temporaries first, left to right.
    CExpr lvalue(const ast::Expr& e, CPrelude& pre, bool hoistIndices);
    // A call used as a statement (the value, if any, is discarded).
    CExpr callStatement(const ast::Expr& call, CPrelude& pre);

    // A temporary holding the value `c` of `e` (of kind `mode`, see Operand).
    std::string materializeValue(const ast::Expr& e, const CExpr& c, CPrelude& pre);

    // Whether evaluating `e` earlier or later within one statement gives the same result.
    // Memoised per node (asked at every operator of a chain: quadratic on long products).
    bool isStable(const ast::Expr& e) const;
    bool isStableAddress(const ast::Expr& e) const;
    const CEvalOrder& order() const { return order_; }

private:
    enum class Mode { Value, Address, Array };
    struct Operand {
        const ast::Expr* expr;
        Mode mode;
    };

    std::string operands(const std::vector<Operand>& ops, CPrelude& pre, std::vector<CExpr>& out);
    CExpr render(const Operand& op, CPrelude& pre);
    CExpr path(const ast::Expr& e, CPrelude& pre, bool forceHoist);
    CExpr subscript(const ast::Expr& index, CPrelude& pre);
    CExpr address(const ast::Expr& e, CPrelude& pre);
    CExpr variable(const ast::Expr& e);
    CExpr negation(const ast::Expr& e, CPrelude& pre);
    CExpr binary(const ast::Expr& e, CPrelude& pre);
    CExpr comparison(const ast::Expr& e, CPrelude& pre);
    CExpr logic(const ast::Expr& e, CPrelude& pre);
    CExpr call(const ast::Expr& e, CPrelude& pre);
    CExpr userCall(const ast::Expr& e, CPrelude& pre);
    CExpr internalError(const std::string& what);

    bool computeStable(const ast::Expr& e) const;

    CFunctionScope& scope_;
    const CEvalOrder& order_;
    // One function's nodes: a variable's access (value or pointer) is fixed within it.
    mutable std::unordered_map<const ast::Expr*, bool> stableCache_;
    // Inside a subscript's + - * chain: its arithmetic is emitted in 64 bits (see subscript()).
    bool wideIndex_ = false;
};

bool isComparison(ast::BinaryOp op);

}  // namespace lomaw::codegen
