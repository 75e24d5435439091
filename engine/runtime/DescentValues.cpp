#include "runtime/DescentValues.h"

#include "runtime/EngineBug.h"

namespace lomaw::runtime {

namespace {

const ast::StructDecl& structOf(const Type& type, const StructTable& structs) {
    const ast::StructDecl* decl = structs.find(type.structName);
    if (!decl) throw EngineBug("unknown struct " + type.structName);
    return *decl;
}

// Rebuilds a value around its float leaves; the shared walk of floatsFilled and dualValue.
Value rebuild(const Type& type, const Value& value, const StructTable& structs,
              const std::function<Value(const Value&)>& leaf) {
    switch (type.kind) {
        case Type::Kind::Float: return leaf(value);
        case Type::Kind::Array: {
            std::vector<Value> items;
            for (const Value& e : value.items) items.push_back(rebuild(*type.elem, e, structs, leaf));
            return Value::ofList(std::move(items));
        }
        case Type::Kind::Struct: {
            const ast::StructDecl& decl = structOf(type, structs);
            std::vector<Value> members;
            for (size_t m = 0; m < decl.members.size(); ++m)
                members.push_back(rebuild(*decl.members[m].resolved, value.items.at(m), structs, leaf));
            return Value::ofStruct(std::move(members));
        }
        default: return value;
    }
}

}  // namespace

void forEachFloatValue(const Type& type, Value& value, const StructTable& structs, const std::string& label,
                       const std::function<void(Value&, const std::string&)>& visit) {
    switch (type.kind) {
        case Type::Kind::Float: visit(value, label); return;
        case Type::Kind::Array:
            for (size_t i = 0; i < value.items.size(); ++i)
                forEachFloatValue(*type.elem, value.items[i], structs, label + "[" + std::to_string(i) + "]", visit);
            return;
        case Type::Kind::Struct: {
            const ast::StructDecl& decl = structOf(type, structs);
            for (size_t m = 0; m < decl.members.size(); ++m)
                forEachFloatValue(*decl.members[m].resolved, value.items.at(m), structs,
                                  label + "." + decl.members[m].name, visit);
            return;
        }
        default: return;
    }
}

void forEachFloatLeaf(const Type& type, Value& value, const StructTable& structs, const std::function<void(Value&)>& visit) {
    switch (type.kind) {
        case Type::Kind::Float: visit(value); return;
        case Type::Kind::Array:
            for (Value& e : value.items) forEachFloatLeaf(*type.elem, e, structs, visit);
            return;
        case Type::Kind::Struct: {
            const ast::StructDecl& decl = structOf(type, structs);
            for (size_t m = 0; m < decl.members.size(); ++m)
                forEachFloatLeaf(*decl.members[m].resolved, value.items.at(m), structs, visit);
            return;
        }
        default: return;
    }
}

Value floatsFilled(const Type& type, const Value& value, const StructTable& structs, float fill) {
    return rebuild(type, value, structs, [fill](const Value&) { return Value::ofFloat(fill); });
}

Value dualValue(const Type& type, const Value& value, const StructTable& structs) {
    return rebuild(type, value, structs,
                   [](const Value& v) { return Value::ofStruct({Value::ofFloat(v.floatValue), Value::ofFloat(0)}); });
}

void forEachDualPair(const Type& type, Value& dual, const StructTable& structs,
                     const std::function<void(Value& val, Value& dval)>& visit) {
    switch (type.kind) {
        case Type::Kind::Float: visit(dual.items.at(0), dual.items.at(1)); return;
        case Type::Kind::Array:
            for (Value& e : dual.items) forEachDualPair(*type.elem, e, structs, visit);
            return;
        case Type::Kind::Struct: {
            // D(S) keeps S's member names and order (docs/language.md §2.6).
            const ast::StructDecl& decl = structOf(type, structs);
            for (size_t m = 0; m < decl.members.size(); ++m)
                forEachDualPair(*decl.members[m].resolved, dual.items.at(m), structs, visit);
            return;
        }
        default: return;
    }
}

}  // namespace lomaw::runtime
