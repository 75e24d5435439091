#include "dist/RecordFormat.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace lomaw::dist {

using runtime::Value;

namespace {

void put(std::string& out, const void* bytes, size_t n) { out.append(static_cast<const char*>(bytes), n); }

bool take(const char*& p, const char* end, void* to, size_t n) {
    if (static_cast<size_t>(end - p) < n) return false;
    std::memcpy(to, p, n);
    p += n;
    return true;
}

constexpr uint32_t kNullPointer = 0xFFFFFFFFu;

}  // namespace

void encodeValue(const Type& t, const Value& v, const runtime::StructTable& structs, std::string& out) {
    switch (t.kind) {
        case Type::Kind::Int: put(out, &v.intValue, 4); return;
        case Type::Kind::Float: put(out, &v.floatValue, 4); return;
        case Type::Kind::Struct: {
            const ast::StructDecl* decl = structs.find(t.structName);
            if (!decl) throw std::logic_error("unknown struct " + t.structName);
            for (size_t m = 0; m < decl->members.size(); ++m) encodeValue(*decl->members[m].resolved, v.items.at(m), structs, out);
            return;
        }
        case Type::Kind::Array: {
            uint32_t n = static_cast<uint32_t>(v.items.size());
            put(out, &n, 4);
            for (const Value& e : v.items) encodeValue(*t.elem, e, structs, out);
            return;
        }
        case Type::Kind::Void: break;
    }
    throw std::logic_error("cannot encode a value of type " + toString(t));
}

bool decodeValue(const Type& t, const runtime::StructTable& structs, const char*& p, const char* end, Value& out) {
    switch (t.kind) {
        case Type::Kind::Int: {
            int32_t v;
            if (!take(p, end, &v, 4)) return false;
            out = Value::ofInt(v);
            return true;
        }
        case Type::Kind::Float: {
            float v;
            if (!take(p, end, &v, 4)) return false;
            out = Value::ofFloat(v);
            return true;
        }
        case Type::Kind::Struct: {
            const ast::StructDecl* decl = structs.find(t.structName);
            if (!decl) return false;
            std::vector<Value> members(decl->members.size());
            for (size_t m = 0; m < members.size(); ++m)
                if (!decodeValue(*decl->members[m].resolved, structs, p, end, members[m])) return false;
            out = Value::ofStruct(std::move(members));
            return true;
        }
        case Type::Kind::Array: {
            uint32_t n;
            if (!take(p, end, &n, 4)) return false;
            if (n == kNullPointer) {
                out = Value{};
                return true;
            }
            std::vector<Value> elements(n);
            for (uint32_t i = 0; i < n; ++i)
                if (!decodeValue(*t.elem, structs, p, end, elements[i])) return false;
            out = Value::ofList(std::move(elements));
            return true;
        }
        case Type::Kind::Void: break;
    }
    return false;
}

bool decodeResult(const runtime::Signature& s, const runtime::StructTable& structs, const char*& p, const char* end,
                  DecodedResult& out) {
    out.returned.reset();
    out.args.assign(s.params.size(), Value{});
    if (s.returnType && !s.returnType->isVoid()) {
        Value r;
        if (!decodeValue(*s.returnType, structs, p, end, r)) return false;
        out.returned = std::move(r);
    }
    for (size_t i = 0; i < s.params.size(); ++i)
        if (!decodeValue(*s.params[i].type, structs, p, end, out.args[i])) return false;
    return true;
}

}  // namespace lomaw::dist
