#include "sema/TypeResolver.h"

#include <climits>

#include "sema/DifferentialType.h"
#include "sema/ErrorType.h"

namespace lomaw::sema {

using K = ast::TypeExpr::Kind;

ResolvedAnnotation TypeResolver::resolve(const ast::TypeExpr* t, TypeContext ctx) {
    ResolvedAnnotation r;
    if (!t) {  // the parser already reported the broken annotation
        r.type = errorType();
        return r;
    }
    if (t->kind == K::In || t->kind == K::Out) {
        if (ctx == TypeContext::Param) {
            r.qualified = true;
            r.isOut = t->kind == K::Out;
        } else {
            diags_.report(t->loc, msg::QualifierIgnored, t->kind == K::In ? "In" : "Out");
        }
        r.type = resolveInner(t->elem.get(), ctx);
        return r;
    }
    r.type = resolveInner(t, ctx);
    return r;
}

TypePtr TypeResolver::resolveInner(const ast::TypeExpr* t, TypeContext ctx) {
    if (!t) return errorType();
    switch (t->kind) {
        case K::Int: return Type::intType();
        case K::Float: return Type::floatType();
        case K::In:
        case K::Out:
            diags_.report(t->loc, msg::NestedQualifier, t->kind == K::In ? "In" : "Out");
            return errorType();
        case K::Named: {
            if (t->name.empty()) return errorType();
            if (t->name == "None" || t->name == "Array" || t->name == "Diff" || t->name == "In" ||
                t->name == "Out") {
                diags_.report(t->loc, msg::NotAType, t->name);
                return errorType();
            }
            if (!structs_.exists(t->name)) {
                diags_.report(t->loc, msg::UnknownType, t->name);
                return errorType();
            }
            return Type::structType(t->name);
        }
        case K::Array: {
            TypePtr elem = resolveInner(t->elem.get(), ctx);
            // A literal beyond int range was reported by the parser (int-literal-range).
            if (t->hasSize && t->size > INT_MAX) return errorType();
            if (t->hasSize && t->size <= 0) {
                diags_.report(t->sizeLoc.valid() ? t->sizeLoc : t->loc, msg::ArraySizeNotPositive, t->size);
                return errorType();
            }
            if (isError(elem)) return errorType();
            return Type::arrayOf(elem, t->hasSize ? static_cast<int>(t->size) : 0);
        }
        case K::Diff: {
            if (ctx == TypeContext::Member) {
                diags_.report(t->loc, msg::DiffInMember);
                return errorType();
            }
            TypePtr elem = resolveInner(t->elem.get(), ctx);
            if (isError(elem)) return errorType();
            if (elem->isArray()) {
                diags_.report(t->loc, msg::DiffOfArray);

                return errorType();
            }
            TypePtr d = differentialType(elem);
            if (d->isStruct() && !structs_.exists(d->structName)) return errorType();
            return d;
        }
    }
    return errorType();
}

}  // namespace lomaw::sema
