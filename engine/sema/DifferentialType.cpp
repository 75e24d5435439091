#include "sema/DifferentialType.h"

namespace lomaw::sema {

std::string differentialStructName(const std::string& base) { return "_d" + base; }

TypePtr differentialType(const TypePtr& t) {
    if (!t) return t;
    switch (t->kind) {
        case Type::Kind::Void:
        case Type::Kind::Int: return t;
        case Type::Kind::Float: return Type::structType(differentialStructName("float"));
        case Type::Kind::Struct: return Type::structType(differentialStructName(t->structName));
        case Type::Kind::Array: return Type::arrayOf(differentialType(t->elem), t->size);
    }
    return t;
}

ast::TypeExprPtr typeExprFor(const TypePtr& t, std::optional<ast::TypeExpr::Kind> qualifier) {
    using K = ast::TypeExpr::Kind;
    auto e = std::make_unique<ast::TypeExpr>();
    if (!t) {
        e->kind = K::Int;
    } else {
        switch (t->kind) {
            case Type::Kind::Void:
            case Type::Kind::Int: e->kind = K::Int; break;
            case Type::Kind::Float: e->kind = K::Float; break;
            case Type::Kind::Struct:
                e->kind = K::Named;
                e->name = t->structName;
                break;
            case Type::Kind::Array:
                e->kind = K::Array;
                e->elem = typeExprFor(t->elem);
                e->size = t->size;
                e->hasSize = t->size > 0;
                break;
        }
    }
    if (qualifier) {
        auto q = std::make_unique<ast::TypeExpr>();
        q->kind = *qualifier;
        q->elem = std::move(e);
        return q;
    }
    return e;
}

}  // namespace lomaw::sema
