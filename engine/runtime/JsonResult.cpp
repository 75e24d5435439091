#include "runtime/JsonResult.h"

#include <cmath>
#include <cstdio>

#include "runtime/EngineBug.h"

namespace lomaw::runtime {

std::string formatFloat(float f) {
    if (std::isnan(f)) return "\"nan\"";
    if (std::isinf(f)) return f > 0 ? "\"inf\"" : "\"-inf\"";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(f));
    return buf;
}

std::string formatValue(const Type& t, const Value& v, const StructTable& structs) {
    switch (v.kind) {
        case Value::Kind::Null: return "null";
        case Value::Kind::Int: return std::to_string(v.intValue);
        case Value::Kind::Float: return formatFloat(v.floatValue);
        case Value::Kind::List: {
            if (!t.isArray() || !t.elem) throw EngineBug("list value for type " + toString(t));
            std::string out = "[";
            for (size_t i = 0; i < v.items.size(); ++i) {
                if (i > 0) out += ", ";
                out += formatValue(*t.elem, v.items[i], structs);
            }
            return out + "]";
        }
        case Value::Kind::Struct: {
            const ast::StructDecl* decl = t.isStruct() ? structs.find(t.structName) : nullptr;
            if (!decl || decl->members.size() != v.items.size()) {
                throw EngineBug("struct value for type " + toString(t));
            }
            std::string out = "{";
            for (size_t i = 0; i < v.items.size(); ++i) {
                if (i > 0) out += ", ";
                out += "\"" + decl->members[i].name + "\": ";
                out += formatValue(*decl->members[i].resolved, v.items[i], structs);
            }
            return out + "}";
        }
    }
    return "null";
}

std::string formatResult(const Signature& signature, const std::optional<Value>& returned,
                         const std::vector<Value>& args, const StructTable& structs) {
    std::string out = "{\"return\": ";
    out += returned ? formatValue(*signature.returnType, *returned, structs) : "null";
    out += ", \"args\": [";
    for (size_t i = 0; i < args.size(); ++i) {
        if (i > 0) out += ", ";
        out += formatValue(*signature.params.at(i).type, args[i], structs);
    }
    return out + "]}";
}

}  // namespace lomaw::runtime
