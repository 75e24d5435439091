// Statements of a function body (docs/language.md §3.2-§3.7, §9.1): declarations, assignments,
// returns, call statements, if/while/for, with their placement rules.
#pragma once

#include <set>
#include <string>

#include "sema/CheckContext.h"
#include "sema/ExprChecker.h"
#include "sema/Scope.h"

namespace lomaw::sema {

class StmtChecker {
public:
    StmtChecker(CheckContext& ctx, FunctionScope& scope, ast::Function& fn, ExprChecker& exprs);

    // The function body: the outermost block.
    void checkBody();

private:
    void checkBlock(ast::Block& block, bool outermost);
    void checkStmt(ast::Stmt& s, bool outermost, bool last);
    void checkDeclare(ast::Stmt& s, bool outermost);
    void checkAssign(ast::Stmt& s);
    void checkReturn(ast::Stmt& s, bool outermost, bool last);
    void checkCondition(ast::ExprPtr& cond);
    void checkFor(ast::Stmt& s);

    CheckContext& ctx_;
    FunctionScope& scope_;
    ast::Function& fn_;
    ExprChecker& exprs_;
    std::set<std::string> allLocals_;  // every declared name in the body (loop-var-shadow)
};

}  // namespace lomaw::sema
