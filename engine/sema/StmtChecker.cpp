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
        ctx_.diags.report(s.loc, msg::DeclarationNotOutermost);
    TypePtr type = ctx_.resolver.resolve(s.declType.get(), TypeContext::Local).type;
    s.resolved = type;
    if (!isError(type) && !ctx_.structs.isBounded(type))
        ctx_.diags.report(s.loc, msg::UnboundedDeclaration, s.name, toString(type));
    if (s.value) {
        TypePtr vt = exprs_.check(s.value);
        if (!isError(type) && type->isArray()) {
            ctx_.diags.report(s.loc, msg::ArrayInitialisation);
        } else if (!isError(type) && !isError(vt) && !convertTo(s.value, type)) {
            ctx_.diags.report(s.loc, msg::DeclareType, s.name, toString(type), toString(vt));
        }
    }
    if (s.name.empty()) return;
    SourceLoc nameLoc = s.nameLoc.valid() ? s.nameLoc : s.loc;
    if (isReservedEverywhere(s.name)) {
        ctx_.diags.report(nameLoc, msg::ReservedVariableName, s.name);
        return;
    }
    VarInfo v{VarInfo::Kind::Local, s.name, type, nameLoc, false};
    if (!scope_.declare(v)) {
        const VarInfo* first = scope_.lookupVar(s.name);
        ctx_.diags.report(nameLoc, msg::DuplicateDeclaration, s.name);
        if (first) ctx_.diags.note(first->loc, msg::FirstDeclarationHere, s.name);
    }
}

void StmtChecker::checkAssign(Stmt& s) {
    TypePtr vt = exprs_.check(s.value);
    TypePtr tt;
    if (s.target && !ExprChecker::isLvalue(s.target.get())) {
        exprs_.check(s.target);
        ctx_.diags.report(s.target->loc, msg::AssignmentNotLvalue);
        return;
    }
    tt = exprs_.check(s.target);
    if (s.target) exprs_.noteWrite(*s.target);
    if (isError(tt)) return;
    if (tt->isArray()) {
        ctx_.diags.report(s.loc, msg::ArrayAssignment);
        return;
    }
    if (!isError(vt) && !convertTo(s.value, tt))
        ctx_.diags.report(s.loc, msg::AssignType, toString(vt), toString(tt));
}

void StmtChecker::checkReturn(Stmt& s, bool outermost, bool last) {
    TypePtr vt = exprs_.check(s.value);
    TypePtr rt = fn_.returnType ? fn_.returnType : Type::voidType();
    if (rt->isVoid() && !isError(rt)) {
        ctx_.diags.report(s.loc, msg::ReturnFromVoid, fn_.name);
        return;
    }
    if (!outermost || !last)
        ctx_.diags.report(s.loc, msg::ReturnNotLast);
    if (!isError(rt) && !isError(vt) && !convertTo(s.value, rt))
        ctx_.diags.report(s.loc, msg::ReturnType, toString(vt), toString(rt));
}

void StmtChecker::checkCondition(ast::ExprPtr& cond) {
    TypePtr t = exprs_.check(cond);
    if (!isError(t) && !t->isScalar())
        ctx_.diags.report(cond->loc, msg::ConditionType, toString(t));
}

void StmtChecker::checkFor(Stmt& s) {
    if (s.pragma) PragmaChecker(ctx_, scope_, fn_).check(s);
    // A wrong argument count is reported by the parser (at `range`).
    for (size_t i = 0; i < s.rangeArgs.size(); ++i) {
        ast::ExprPtr& a = s.rangeArgs[i];
        if (!a) continue;
        if (i == 2 && !isNonzeroIntConstant(a.get())) {
            exprs_.check(a);
            ctx_.diags.report(a->loc, msg::RangeStep);
            continue;
        }
        TypePtr t = exprs_.check(a);
        if (!isError(t) && !t->isInt())
            ctx_.diags.report(a->loc, msg::RangeArgumentType, toString(t));
    }
    bool pushed = false;
    if (!s.name.empty()) {
        SourceLoc nameLoc = s.nameLoc.valid() ? s.nameLoc : s.loc;
        if (isReservedEverywhere(s.name)) {
            ctx_.diags.report(nameLoc, msg::ReservedVariableName, s.name);
        } else if (scope_.lookupVar(s.name) || allLocals_.count(s.name) ||
                   scope_.isActiveLoopVar(s.name)) {
            ctx_.diags.report(nameLoc, msg::LoopVarShadow, s.name);

        }
        scope_.pushLoopVar(VarInfo{VarInfo::Kind::LoopVar, s.name, Type::intType(), nameLoc, false});
        pushed = true;
    }
    checkBlock(s.body, false);
    if (pushed) scope_.popLoopVar();
}

}  // namespace lomaw::sema
