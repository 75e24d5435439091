// Expressions (docs/language.md §1.8, §2, §3.4, §3.8, §4): fills Expr::type, inserts implicit
// conversions, and reports the expression and call errors. An erroneous expression gets the
// error type, which silences every follow-up check.
#pragma once

#include <set>
#include <string>

#include "sema/CheckContext.h"
#include "sema/Scope.h"

namespace lomaw::sema {

class ExprChecker {
public:
    ExprChecker(CheckContext& ctx, FunctionScope& scope, const ast::Function& fn)
        : ctx_(ctx), scope_(scope), fn_(fn) {}

    // A new statement: an undeclared name is reported once per statement (§8).
    void beginStatement() { undeclaredReported_.clear(); }

    // An expression used as a value.
    TypePtr check(ast::ExprPtr& e);
    // The call of a call statement (its result, if any, is discarded).
    void checkCallStatement(ast::ExprPtr& e);

    // A location being written (assignment target, Out argument, atomic_add target):
    // reports loop-var-assign and the in-array-write warning. `wholeArray`: an array passed
    // whole to an Out parameter (its elements are written).
    void noteWrite(const ast::Expr& lvalue, bool wholeArray = false);

    // Variable, or a chain of [index] / .member rooted at one (§3.3).
    static bool isLvalue(const ast::Expr* e);
    static const ast::Expr* lvalueRoot(const ast::Expr* e);

private:
    TypePtr visit(ast::ExprPtr& e, bool callStatement);
    TypePtr checkVar(ast::Expr& e);
    TypePtr checkIndex(ast::Expr& e);
    TypePtr checkMember(ast::Expr& e);
    TypePtr checkNeg(ast::Expr& e);
    TypePtr checkBinary(ast::Expr& e);
    TypePtr checkCall(ast::Expr& e, bool callStatement);
    TypePtr checkIntrinsic(ast::Expr& e, int kind, int arity, bool callStatement);
    TypePtr checkFunctionCall(ast::Expr& e, const ast::Function& callee, bool callStatement);
    bool checkArrayArgument(ast::ExprPtr& arg, const TypePtr& param);
    bool hasInlineStorage(const ast::Expr& e) const;

    CheckContext& ctx_;
    FunctionScope& scope_;
    const ast::Function& fn_;
    std::set<std::string> undeclaredReported_;
};

}  // namespace lomaw::sema
