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
            diags_.warning(t->loc, "qualifier-ignored",
                           std::string(t->kind == K::In ? "In" : "Out") +
                               "[...] qualifier is meaningful only on parameters; ignored");
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
            diags_.error(t->loc, "bad-type",
                         std::string(t->kind == K::In ? "In" : "Out") +
                             "[...] is allowed only as the outermost wrapper of a parameter type");
            return errorType();
        case K::Named: {
            if (t->name.empty()) return errorType();
            if (t->name == "None" || t->name == "Array" || t->name == "Diff" || t->name == "In" ||
                t->name == "Out") {
                diags_.error(t->loc, "bad-type", "'" + t->name + "' is not a type");
                return errorType();
            }
            if (!structs_.exists(t->name)) {
                diags_.error(t->loc, "unknown-type", "unknown type '" + t->name + "'");
                return errorType();
            }
            return Type::structType(t->name);
        }
        case K::Array: {
            TypePtr elem = resolveInner(t->elem.get(), ctx);
            // A literal beyond int range was reported by the parser (int-literal-range).
            if (t->hasSize && t->size > INT_MAX) return errorType();
            if (t->hasSize && t->size <= 0) {
                diags_.error(t->sizeLoc.valid() ? t->sizeLoc : t->loc, "bad-type",
                             "array size must be a positive integer literal, got " +
                                 std::to_string(t->size));
                return errorType();
            }
            if (isError(elem)) return errorType();
            return Type::arrayOf(elem, t->hasSize ? static_cast<int>(t->size) : 0);
        }
        case K::Diff: {
            if (ctx == TypeContext::Member) {
                diags_.error(t->loc, "bad-type",
                             "Diff[...] is not allowed in struct members; write the generated "
                             "name (e.g. _dfloat)");
                return errorType();
            }
            TypePtr elem = resolveInner(t->elem.get(), ctx);
            if (isError(elem)) return errorType();
            if (elem->isArray()) {
                diags_.error(t->loc, "bad-type",
                             "Diff[...] of an array is not allowed; write Array[Diff[...], N]");
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
