#include "sema/StmtChecker.h"

#include "sema/Builtins.h"
#include "sema/Conversions.h"
#include "sema/ErrorType.h"
#include "sema/PragmaChecker.h"

namespace lomaw::sema {

using ast::Expr;
using ast::Stmt;

namespace {

void collectLocals(const ast::Block& b, std::set<std::string>& out) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        if (s->kind == Stmt::Kind::Declare && !s->name.empty()) out.insert(s->name);
        collectLocals(s->body, out);
        collectLocals(s->orelse, out);
    }
}

bool isNonzeroIntConstant(const Expr* e) {
    if (e && e->kind == Expr::Kind::Neg && e->operands.size() == 1) e = e->operands[0].get();
    return e && e->kind == Expr::Kind::IntLit && e->intValue != 0;
}

}  // namespace

StmtChecker::StmtChecker(CheckContext& ctx, FunctionScope& scope, ast::Function& fn, ExprChecker& exprs)
    : ctx_(ctx), scope_(scope), fn_(fn), exprs_(exprs) {
    collectLocals(fn.body, allLocals_);
}

void StmtChecker::checkBody() { checkBlock(fn_.body, true); }

void StmtChecker::checkBlock(ast::Block& block, bool outermost) {
    for (size_t i = 0; i < block.size(); ++i)
        if (block[i]) checkStmt(*block[i], outermost, i + 1 == block.size());
}

void StmtChecker::checkStmt(Stmt& s, bool outermost, bool last) {
    exprs_.beginStatement();
    switch (s.kind) {
        case Stmt::Kind::Declare: checkDeclare(s, outermost); break;
        case Stmt::Kind::Assign: checkAssign(s); break;
        case Stmt::Kind::Return: checkReturn(s, outermost, last); break;
        case Stmt::Kind::CallStmt:
            if (s.value && s.value->kind == Expr::Kind::Call) exprs_.checkCallStatement(s.value);
            else exprs_.check(s.value);
            break;
        case Stmt::Kind::If:
            checkCondition(s.value);
            checkBlock(s.body, false);
            checkBlock(s.orelse, false);
            break;
        case Stmt::Kind::While:
            checkCondition(s.value);
            checkBlock(s.body, false);
            break;
        case Stmt::Kind::For: checkFor(s); break;
    }
}

void StmtChecker::checkDeclare(Stmt& s, bool outermost) {
    if (!outermost)
        ctx_.diags.error(s.loc, "declaration-not-outermost",
                         "declarations are allowed only at the outermost level of a function body");
    TypePtr type = ctx_.resolver.resolve(s.declType.get(), TypeContext::Local).type;
    s.resolved = type;
    if (!isError(type) && !ctx_.structs.isBounded(type))
        ctx_.diags.error(s.loc, "unbounded-declaration",
                         "local '" + s.name + "' has type " + toString(type) +
                             ", which contains an unbounded array");
    if (s.value) {
        TypePtr vt = exprs_.check(s.value);
        if (!isError(type) && type->isArray()) {
            ctx_.diags.error(s.loc, "array-assign", "arrays cannot be initialised with '='");
        } else if (!isError(type) && !isError(vt) && !convertTo(s.value, type)) {
            ctx_.diags.error(s.loc, "declare-type",
                             "cannot initialise '" + s.name + "' of type " + toString(type) +
                                 " with a value of type " + toString(vt));
        }
    }
    if (s.name.empty()) return;
    SourceLoc nameLoc = s.nameLoc.valid() ? s.nameLoc : s.loc;
    if (isReservedEverywhere(s.name)) {
        ctx_.diags.error(nameLoc, "reserved-name", "'" + s.name + "' is reserved and cannot name a variable");
        return;
    }
    VarInfo v{VarInfo::Kind::Local, s.name, type, nameLoc, false};
    if (!scope_.declare(v)) {
        const VarInfo* first = scope_.lookupVar(s.name);
        ctx_.diags.error(nameLoc, "duplicate-declaration", "'" + s.name + "' is already declared");
        if (first) ctx_.diags.note(first->loc, "first declaration of '" + s.name + "' is here");
    }
}

void StmtChecker::checkAssign(Stmt& s) {
    TypePtr vt = exprs_.check(s.value);
    TypePtr tt;
    if (s.target && !ExprChecker::isLvalue(s.target.get())) {
        exprs_.check(s.target);
        ctx_.diags.error(s.target->loc, "not-lvalue",
                         "the assignment target must be a variable, element or member");
        return;
    }
    tt = exprs_.check(s.target);
    if (s.target) exprs_.noteWrite(*s.target);
    if (isError(tt)) return;
    if (tt->isArray()) {
        ctx_.diags.error(s.loc, "array-assign", "whole arrays cannot be assigned");
        return;
    }
    if (!isError(vt) && !convertTo(s.value, tt))
        ctx_.diags.error(s.loc, "assign-type",
                         "cannot assign a value of type " + toString(vt) + " to a target of type " +
                             toString(tt));
}

void StmtChecker::checkReturn(Stmt& s, bool outermost, bool last) {
    TypePtr vt = exprs_.check(s.value);
    TypePtr rt = fn_.returnType ? fn_.returnType : Type::voidType();
    if (rt->isVoid() && !isError(rt)) {
        ctx_.diags.error(s.loc, "return-type", "function '" + fn_.name + "' has no return type");
        return;
    }
    if (!outermost || !last)
        ctx_.diags.error(s.loc, "return-not-last",
                         "return must be the last statement at the outermost level of the function");
    if (!isError(rt) && !isError(vt) && !convertTo(s.value, rt))
        ctx_.diags.error(s.loc, "return-type",
                         "cannot return a value of type " + toString(vt) + " from a function returning " +
                             toString(rt));
}

void StmtChecker::checkCondition(ast::ExprPtr& cond) {
    TypePtr t = exprs_.check(cond);
    if (!isError(t) && !t->isScalar())
        ctx_.diags.error(cond->loc, "condition-type", "condition must be int or float, not " + toString(t));
}

void StmtChecker::checkFor(Stmt& s) {
    if (s.pragma) PragmaChecker(ctx_, scope_, fn_).check(s);
    // A wrong argument count is reported by the parser (at `range`).
    for (size_t i = 0; i < s.rangeArgs.size(); ++i) {
        ast::ExprPtr& a = s.rangeArgs[i];
        if (!a) continue;
        if (i == 2 && !isNonzeroIntConstant(a.get())) {
            exprs_.check(a);
            ctx_.diags.error(a->loc, "range-step", "the step of range must be a nonzero integer constant");
            continue;
        }
        TypePtr t = exprs_.check(a);
        if (!isError(t) && !t->isInt())
            ctx_.diags.error(a->loc, "range-args", "range arguments must be int, not " + toString(t));
    }
    bool pushed = false;
    if (!s.name.empty()) {
        SourceLoc nameLoc = s.nameLoc.valid() ? s.nameLoc : s.loc;
        if (isReservedEverywhere(s.name)) {
            ctx_.diags.error(nameLoc, "reserved-name", "'" + s.name + "' is reserved and cannot name a variable");
        } else if (scope_.lookupVar(s.name) || allLocals_.count(s.name) ||
                   scope_.isActiveLoopVar(s.name)) {
            ctx_.diags.error(nameLoc, "loop-var-shadow",
                             "loop variable '" + s.name +
                                 "' shadows a parameter, local or enclosing loop variable");
        }
        scope_.pushLoopVar(VarInfo{VarInfo::Kind::LoopVar, s.name, Type::intType(), nameLoc, false});
        pushed = true;
    }
    checkBlock(s.body, false);
    if (pushed) scope_.popLoopVar();
}

}  // namespace lomaw::sema
