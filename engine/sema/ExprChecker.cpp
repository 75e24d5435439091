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
        ctx_.diags.error(e.loc, "undeclared-variable", "undeclared variable '" + e.name + "'");
    return errorType();
}

TypePtr ExprChecker::checkIndex(Expr& e) {
    if (e.operands.size() < 2) return errorType();
    TypePtr base = check(e.operands[0]);
    TypePtr index = check(e.operands[1]);
    if (!isError(index) && !index->isInt())
        ctx_.diags.error(e.operands[1]->loc, "index-type",
                         "array index must be int, not " + toString(index));
    if (isError(base)) return errorType();
    if (!base->isArray()) {
        ctx_.diags.error(e.loc, "index-non-array", "cannot index a value of type " + toString(base));
        return errorType();
    }
    return base->elem ? base->elem : errorType();
}

TypePtr ExprChecker::checkMember(Expr& e) {
    if (e.operands.empty()) return errorType();
    TypePtr base = check(e.operands[0]);
    if (isError(base) || e.name.empty()) return errorType();
    if (!base->isStruct()) {
        ctx_.diags.error(e.loc, "member-of-non-struct",
                         "member access '." + e.name + "' on a value of type " + toString(base));
        return errorType();
    }
    const StructInfo* s = ctx_.structs.find(base->structName);
    if (!s || s->bad) return errorType();
    for (const auto& [name, type] : s->members)
        if (name == e.name) return type ? type : errorType();
    // A member line the parser dropped may have declared it.
    if (ctx_.structs.isIncomplete(base->structName)) return errorType();
    ctx_.diags.error(e.loc, "unknown-member",
                     "struct '" + base->structName + "' has no member '" + e.name + "'");
    return errorType();
}

TypePtr ExprChecker::checkNeg(Expr& e) {
    if (e.operands.empty()) return errorType();
    TypePtr t = check(e.operands[0]);
    if (isError(t)) return errorType();
    if (!t->isScalar()) {
        ctx_.diags.error(e.loc, "binary-op-type", "cannot negate a value of type " + toString(t));
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
        ctx_.diags.error(e.loc, "binary-op-type",
                         std::string("operator '") + ast::spelling(e.op) +
                             "' needs int or float operands, got " + toString(badL ? l : r));
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
        ctx_.diags.error(lvalue.loc, "loop-var-assign",
                         "the loop variable '" + v->name + "' cannot be written in its loop");
        return;
    }
    if (v->isInArrayParam() && (root != &lvalue || wholeArray))
        ctx_.diags.warning(lvalue.loc, "in-array-write",
                           "writing an element of In array parameter '" + v->name +
                               "' changes the caller's buffer");
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
