#include "syntax/Type.h"

namespace lomaw {

TypePtr Type::voidType() {
    static const TypePtr t = std::make_shared<Type>(Type{Kind::Void, "", nullptr, 0});
    return t;
}

TypePtr Type::intType() {
    static const TypePtr t = std::make_shared<Type>(Type{Kind::Int, "", nullptr, 0});
    return t;
}

TypePtr Type::wideIntType() {
    static const TypePtr t = std::make_shared<Type>(Type{Kind::Int, "", nullptr, 0, true});
    return t;
}

TypePtr Type::floatType() {
    static const TypePtr t = std::make_shared<Type>(Type{Kind::Float, "", nullptr, 0});
    return t;
}

TypePtr Type::structType(std::string name) {
    return std::make_shared<Type>(Type{Kind::Struct, std::move(name), nullptr, 0});
}

TypePtr Type::arrayOf(TypePtr elem, int size) {
    return std::make_shared<Type>(Type{Kind::Array, "", std::move(elem), size});
}

bool sameType(const Type& a, const Type& b) {
    if (a.kind != b.kind) return false;
    switch (a.kind) {
        case Type::Kind::Struct: return a.structName == b.structName;
        case Type::Kind::Array:
            return a.size == b.size && a.elem && b.elem && sameType(*a.elem, *b.elem);
        default: return true;
    }
}

std::string toString(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Void: return "void";
        case Type::Kind::Int: return "int";
        case Type::Kind::Float: return "float";
        case Type::Kind::Struct: return t.structName;
        case Type::Kind::Array: {
            std::string s = "Array[" + (t.elem ? toString(*t.elem) : std::string("<?>"));
            if (t.size > 0) s += ", " + std::to_string(t.size);
            return s + "]";
        }
    }
    return "<?>";
}

}  // namespace lomaw
