#include "dist/RecordFormat.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "runtime/JsonResult.h"

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

// runtime::formatFloat without printf: std::to_chars with a precision is specified as printf's
// %.*g in the C locale, and is several times faster than glibc's exact printf, which was most of
// the host time of a 10^7-set batch.
void appendFloatJson(float f, std::string& out) {
    if (!std::isfinite(f)) {
        out += runtime::formatFloat(f);
        return;
    }
    char buf[40];
    auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<double>(f), std::chars_format::general, 9);
    if (ec != std::errc()) {
        out += runtime::formatFloat(f);
        return;
    }
    out.append(buf, ptr);
}

namespace {

// Mirrors runtime::formatValue (JsonResult.cpp) on the record instead of a decoded Value.
bool appendValueJson(const Type& t, const runtime::StructTable& structs, const char*& p, const char* end,
                     std::string& out) {
    switch (t.kind) {
        case Type::Kind::Int: {
            int32_t v;
            if (!take(p, end, &v, 4)) return false;
            char buf[16];
            auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
            out.append(buf, ptr);
            return ec == std::errc();
        }
        case Type::Kind::Float: {
            float v;
            if (!take(p, end, &v, 4)) return false;
            appendFloatJson(v, out);
            return true;
        }
        case Type::Kind::Struct: {
            const ast::StructDecl* decl = structs.find(t.structName);
            if (!decl) return false;
            out += '{';
            for (size_t m = 0; m < decl->members.size(); ++m) {
                if (m > 0) out += ", ";
                out += '"';
                out += decl->members[m].name;
                out += "\": ";
                if (!appendValueJson(*decl->members[m].resolved, structs, p, end, out)) return false;
            }
            out += '}';
            return true;
        }
        case Type::Kind::Array: {
            uint32_t n;
            if (!take(p, end, &n, 4)) return false;
            if (n == kNullPointer) {
                out += "null";
                return true;
            }
            out += '[';
            for (uint32_t i = 0; i < n; ++i) {
                if (i > 0) out += ", ";
                if (!appendValueJson(*t.elem, structs, p, end, out)) return false;
            }
            out += ']';
            return true;
        }
        case Type::Kind::Void: break;
    }
    return false;
}

}  // namespace

bool appendResultJson(const runtime::Signature& s, const runtime::StructTable& structs, const char*& p,
                      const char* end, std::string& out) {
    out += "{\"return\": ";
    if (s.returnType && !s.returnType->isVoid()) {
        if (!appendValueJson(*s.returnType, structs, p, end, out)) return false;
    } else {
        out += "null";
    }
    out += ", \"args\": [";
    for (size_t i = 0; i < s.params.size(); ++i) {
        if (i > 0) out += ", ";
        if (!appendValueJson(*s.params[i].type, structs, p, end, out)) return false;
    }
    out += "]}";
    return true;
}

}  // namespace lomaw::dist
