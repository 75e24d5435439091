#include "runtime/Layout.h"

#include <algorithm>

#include "runtime/EngineBug.h"

namespace lomaw::runtime {

namespace {

size_t roundUp(size_t n, size_t align) { return (n + align - 1) / align * align; }

}  // namespace

Layout LayoutComputer::inlineLayout(const Type& t) {
    switch (t.kind) {
        case Type::Kind::Int: return {sizeof(int32_t), alignof(int32_t)};
        case Type::Kind::Float: return {sizeof(float), alignof(float)};
        case Type::Kind::Struct: return structLayout(t.structName).layout;
        case Type::Kind::Array: {
            if (t.isUnboundedArray()) return kPointerLayout;
            if (!t.elem) throw EngineBug("array type without element type");
            Layout e = inlineLayout(*t.elem);
            return {e.size * static_cast<size_t>(t.size), e.align};
        }
        case Type::Kind::Void: break;
    }
    throw EngineBug("no memory layout for type " + toString(t));
}

Layout LayoutComputer::bufferElementLayout(const Type& arrayType) {
    if (!arrayType.isArray() || !arrayType.elem) {
        throw EngineBug("buffer layout of non-array type " + toString(arrayType));
    }
    if (arrayType.elem->isArray()) return kPointerLayout;
    return inlineLayout(*arrayType.elem);
}

const StructLayout& LayoutComputer::structLayout(const std::string& name) {
    if (auto it = done_.find(name); it != done_.end()) return it->second;
    if (std::find(inProgress_.begin(), inProgress_.end(), name) != inProgress_.end()) {
        throw EngineBug("recursive struct " + name);
    }
    const ast::StructDecl* decl = structs_.find(name);
    if (!decl) throw EngineBug("unknown struct " + name);
    inProgress_.push_back(name);
    StructLayout out;
    size_t offset = 0;
    size_t align = 1;
    for (const ast::Member& m : decl->members) {
        if (!m.resolved) throw EngineBug("untyped member " + name + "." + m.name);
        Layout ml = inlineLayout(*m.resolved);
        offset = roundUp(offset, ml.align);
        out.memberOffsets.push_back(offset);
        offset += ml.size;
        align = std::max(align, ml.align);
    }
    out.layout = {roundUp(offset, align), align};
    inProgress_.pop_back();
    return done_.emplace(name, std::move(out)).first->second;
}

}  // namespace lomaw::runtime
