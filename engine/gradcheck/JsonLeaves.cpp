#include "gradcheck/JsonLeaves.h"

#include <cmath>
#include <limits>

namespace lomaw::gradcheck {

namespace {

// Applies `leafFn` to float leaves and rebuilds the value around them; shared by the walkers.
json rebuild(const Type& type, const json& value, const runtime::StructTable& structs,
             const std::function<json(const json&)>& leafFn) {
    switch (type.kind) {
        case Type::Kind::Float: return leafFn(value);
        case Type::Kind::Int: return value;
        case Type::Kind::Array: {
            if (!value.is_array() || !type.elem) return value;
            json out = json::array();
            for (const json& e : value) out.push_back(rebuild(*type.elem, e, structs, leafFn));
            return out;
        }
        case Type::Kind::Struct: {
            const ast::StructDecl* decl = structs.find(type.structName);
            if (!decl || !value.is_object()) return value;
            json out = json::object();
            for (const ast::Member& m : decl->members)
                if (value.contains(m.name) && m.resolved)
                    out[m.name] = rebuild(*m.resolved, value.at(m.name), structs, leafFn);
            return out;
        }
        case Type::Kind::Void: return value;
    }
    return value;
}

}  // namespace

void forEachFloatLeaf(const Type& type, json& value, const runtime::StructTable& structs,
                      const std::string& label, const std::function<void(json&, const std::string&)>& visit) {
    switch (type.kind) {
        case Type::Kind::Float: visit(value, label); return;
        case Type::Kind::Array:
            if (!value.is_array() || !type.elem) return;
            for (size_t i = 0; i < value.size(); ++i)
                forEachFloatLeaf(*type.elem, value[i], structs, label + "[" + std::to_string(i) + "]", visit);
            return;
        case Type::Kind::Struct: {
            const ast::StructDecl* decl = structs.find(type.structName);
            if (!decl || !value.is_object()) return;
            for (const ast::Member& m : decl->members)
                if (value.contains(m.name) && m.resolved)
                    forEachFloatLeaf(*m.resolved, value[m.name], structs, label + "." + m.name, visit);
            return;
        }
        default: return;
    }
}

double leafNumber(const json& leaf) {
    if (leaf.is_number()) return leaf.get<double>();
    if (leaf.is_string()) {
        const std::string s = leaf.get<std::string>();
        if (s == "inf") return std::numeric_limits<double>::infinity();
        if (s == "-inf") return -std::numeric_limits<double>::infinity();
    }
    return std::numeric_limits<double>::quiet_NaN();
}

json filledLike(const Type& type, const json& value, const runtime::StructTable& structs, double fill) {
    return rebuild(type, value, structs, [fill](const json&) { return json(fill); });
}

json dualOf(const Type& type, const json& value, const runtime::StructTable& structs) {
    return rebuild(type, value, structs, [](const json& v) { return json{{"val", v}, {"dval", 0.0}}; });
}

}  // namespace lomaw::gradcheck
