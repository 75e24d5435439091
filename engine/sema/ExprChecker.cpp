#include "sema/ExprChecker.h"

#include "sema/Conversions.h"
#include "sema/ErrorType.h"

namespace lomaw::sema {

using ast::Expr;

bool ExprChecker::isLvalue(const Expr* e) { return lvalueRoot(e) != nullptr; }

const Expr* ExprChecker::lvalueRoot(const Expr* e) {
    while (e) {
        switch (e->kind) {
            case Expr::Kind::Var: return e->name.empty() ? nullptr : e;
            case Expr::Kind::Index:
            case Expr::Kind::Member:
                e = e->operands.empty() ? nullptr : e->operands[0].get();
                break;
            default: return nullptr;
        }
    }
    return nullptr;
}

TypePtr ExprChecker::check(ast::ExprPtr& e) { return visit(e, false); }

void ExprChecker::checkCallStatement(ast::ExprPtr& e) { visit(e, true); }

TypePtr ExprChecker::visit(ast::ExprPtr& e, bool callStatement) {
    if (!e) return errorType();
    TypePtr t;
    switch (e->kind) {
        case Expr::Kind::IntLit: t = Type::intType(); break;
        case Expr::Kind::FloatLit: t = Type::floatType(); break;
        case Expr::Kind::Var: t = checkVar(*e); break;
        case Expr::Kind::Index: t = checkIndex(*e); break;
        case Expr::Kind::Member: t = checkMember(*e); break;
        case Expr::Kind::Neg: t = checkNeg(*e); break;
        case Expr::Kind::Binary: t = checkBinary(*e); break;
        case Expr::Kind::Call: t = checkCall(*e, callStatement); break;
    }
    e->type = t ? t : errorType();
    return e->type;
}

TypePtr ExprChecker::checkVar(Expr& e) {
    if (e.name.empty()) return errorType();
    if (const VarInfo* v = scope_.lookup(e.name)) return v->type ? v->type : errorType();
    if (undeclaredReported_.insert(e.name).second)
        ctx_.diags.report(e.loc, msg::UndeclaredVariable, e.name);
    return errorType();
}

TypePtr ExprChecker::checkIndex(Expr& e) {
    if (e.operands.size() < 2) return errorType();
    TypePtr base = check(e.operands[0]);
    TypePtr index = check(e.operands[1]);
    if (!isError(index) && !index->isInt())
        ctx_.diags.report(e.operands[1]->loc, msg::IndexType, toString(index));
    if (isError(base)) return errorType();
    if (!base->isArray()) {
        ctx_.diags.report(e.loc, msg::IndexNonArray, toString(base));
        return errorType();
    }
    return base->elem ? base->elem : errorType();
}

TypePtr ExprChecker::checkMember(Expr& e) {
    if (e.operands.empty()) return errorType();
    TypePtr base = check(e.operands[0]);
    if (isError(base) || e.name.empty()) return errorType();
    if (!base->isStruct()) {
        ctx_.diags.report(e.loc, msg::MemberOfNonStruct, e.name, toString(base));
        return errorType();
    }
    const StructInfo* s = ctx_.structs.find(base->structName);
    if (!s || s->bad) return errorType();
    for (const auto& [name, type] : s->members)
        if (name == e.name) return type ? type : errorType();
    // A member line the parser dropped may have declared it.
    if (ctx_.structs.isIncomplete(base->structName)) return errorType();
    ctx_.diags.report(e.loc, msg::UnknownMember, base->structName, e.name);
    return errorType();
}

TypePtr ExprChecker::checkNeg(Expr& e) {
    if (e.operands.empty()) return errorType();
    TypePtr t = check(e.operands[0]);
    if (isError(t)) return errorType();
    if (!t->isScalar()) {
        ctx_.diags.report(e.loc, msg::NegateType, toString(t));
        return errorType();
    }
    return t;
}

TypePtr ExprChecker::checkBinary(Expr& e) {
    if (e.operands.size() < 2) return errorType();
    TypePtr l = check(e.operands[0]);
    TypePtr r = check(e.operands[1]);
    bool badL = !isError(l) && !l->isScalar();
    bool badR = !isError(r) && !r->isScalar();
    if (badL || badR) {
        ctx_.diags.report(e.loc, msg::BinaryOpType, ast::spelling(e.op), toString(badL ? l : r));
        return errorType();
    }
    if (isError(l) || isError(r)) return errorType();
    if (l->isInt() && r->isInt()) return Type::intType();
    // The int side becomes float (§2.5); comparisons and and/or follow the same rule (§3.4).
    convertTo(e.operands[0], Type::floatType());
    convertTo(e.operands[1], Type::floatType());
    return Type::floatType();
}

void ExprChecker::noteWrite(const Expr& lvalue, bool wholeArray) {
    const Expr* root = lvalueRoot(&lvalue);
    if (!root) return;
    const VarInfo* v = scope_.lookup(root->name);
    if (!v) return;
    if (v->kind == VarInfo::Kind::LoopVar) {
        ctx_.diags.report(lvalue.loc, msg::LoopVarAssign, v->name);
        return;
    }
    if (v->isInArrayParam() && (root != &lvalue || wholeArray))
        ctx_.diags.report(lvalue.loc, msg::InArrayWrite, v->name);

}

bool ExprChecker::hasInlineStorage(const Expr& e) const {
    // Static arrays stored in locals or inline in structs are contiguous; arrays reached
    // through parameters and unbounded members use one pointer per level (§3.8, §7).
    if (!e.type || !e.type->isArray() || e.type->size == 0) return false;
    switch (e.kind) {
        case Expr::Kind::Var: {
            const VarInfo* v = scope_.lookup(e.name);
            return v && v->kind == VarInfo::Kind::Local;
        }
        case Expr::Kind::Member: return true;
        case Expr::Kind::Index:
            return !e.operands.empty() && e.operands[0] && hasInlineStorage(*e.operands[0]);
        default: return false;
    }
}

}  // namespace lomaw::sema
