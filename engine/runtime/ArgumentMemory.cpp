#include "runtime/ArgumentMemory.h"

#include <cstring>

#include "runtime/EngineBug.h"

namespace lomaw::runtime {

ArgumentMemory::ArgumentMemory(const Signature& signature, const std::vector<Value>& values,
                               int threads, LayoutComputer& layouts)
    : signature_(signature), values_(values), layouts_(layouts), threads_(threads) {
    if (values.size() != signature.params.size()) throw EngineBug("argument count mismatch");
    for (size_t i = 0; i < values.size(); ++i) {
        const Type& t = *signature.params[i].type;
        if (t.isArray()) {
            // Array parameters (In or Out) are passed as a pointer to the first element.
            void* slot = allocate(sizeof(void*));
            void* buffer = writeBuffer(t, values[i]);
            std::memcpy(slot, &buffer, sizeof buffer);
            slots_.push_back(slot);
        } else {
            // Scalars and structs: the harness passes *(T*)slot (In) or (T*)slot (Out).
            void* slot = allocate(layouts_.inlineLayout(t).size);
            writeInline(t, values[i], static_cast<unsigned char*>(slot));
            slots_.push_back(slot);
        }
    }
    argPointers_ = slots_;
    if (signature.simd) argPointers_.push_back(&threads_);
    const Type& r = *signature.returnType;
    returnSlot_ = allocate(r.isVoid() ? 1 : layouts_.inlineLayout(r).size);
}

std::vector<ArgumentMemory::Extent> ArgumentMemory::extents() const {
    std::vector<Extent> out;
    out.reserve(buffers_.size());
    for (const Buffer& b : buffers_) out.push_back({b.data, b.shape->items.size()});
    return out;
}

void* ArgumentMemory::allocate(size_t bytes) {
    // Zeroed and aligned for any type; at least one element so that an empty list still gets a
    // distinct, valid pointer.
    size_t count = bytes / sizeof(std::max_align_t) + 1;
    blocks_.push_back(std::make_unique<std::max_align_t[]>(count));
    std::memset(blocks_.back().get(), 0, count * sizeof(std::max_align_t));
    return blocks_.back().get();
}

void ArgumentMemory::writeInline(const Type& t, const Value& v, unsigned char* at) {
    switch (t.kind) {
        case Type::Kind::Int: std::memcpy(at, &v.intValue, sizeof v.intValue); return;
        case Type::Kind::Float: std::memcpy(at, &v.floatValue, sizeof v.floatValue); return;
        case Type::Kind::Struct: {
            const StructLayout& sl = layouts_.structLayout(t.structName);
            const ast::StructDecl* decl = layouts_.structs().find(t.structName);
            for (size_t m = 0; m < decl->members.size(); ++m) {
                writeInline(*decl->members[m].resolved, v.items.at(m), at + sl.memberOffsets[m]);
            }
            return;
        }
        case Type::Kind::Array: {
            if (t.isUnboundedArray()) {
                void* buffer = writeBuffer(t, v);
                std::memcpy(at, &buffer, sizeof buffer);
                return;
            }
            size_t elemSize = layouts_.inlineLayout(*t.elem).size;
            for (size_t i = 0; i < v.items.size(); ++i) writeInline(*t.elem, v.items[i], at + i * elemSize);
            return;
        }
        case Type::Kind::Void: break;
    }
    throw EngineBug("cannot store a value of type " + toString(t));
}

void* ArgumentMemory::writeBuffer(const Type& arrayType, const Value& v) {
    size_t elemSize = layouts_.bufferElementLayout(arrayType).size;
    auto* data = static_cast<unsigned char*>(allocate(elemSize * v.items.size()));
    buffers_.push_back({data, &arrayType, &v});
    for (size_t i = 0; i < v.items.size(); ++i) {
        unsigned char* at = data + i * elemSize;
        if (arrayType.elem->isArray()) {
            void* inner = writeBuffer(*arrayType.elem, v.items[i]);
            std::memcpy(at, &inner, sizeof inner);
        } else {
            writeInline(*arrayType.elem, v.items[i], at);
        }
    }
    return data;
}

std::vector<Value> ArgumentMemory::readArguments() {
    readCursor_ = 0;
    std::vector<Value> out;
    for (size_t i = 0; i < values_.size(); ++i) {
        const Type& t = *signature_.params[i].type;
        if (t.isArray()) {
            const Buffer& b = buffers_.at(readCursor_++);
            out.push_back(readBuffer(t, values_[i], static_cast<const unsigned char*>(b.data)));
        } else {
            out.push_back(readInline(t, values_[i], static_cast<const unsigned char*>(slots_[i])));
        }
    }
    return out;
}

Value ArgumentMemory::readInline(const Type& t, const Value& shape, const unsigned char* at) {
    switch (t.kind) {
        case Type::Kind::Int: {
            int32_t v;
            std::memcpy(&v, at, sizeof v);
            return Value::ofInt(v);
        }
        case Type::Kind::Float: {
            float v;
            std::memcpy(&v, at, sizeof v);
            return Value::ofFloat(v);
        }
        case Type::Kind::Struct: {
            const StructLayout& sl = layouts_.structLayout(t.structName);
            const ast::StructDecl* decl = layouts_.structs().find(t.structName);
            std::vector<Value> members;
            for (size_t m = 0; m < decl->members.size(); ++m) {
                members.push_back(readInline(*decl->members[m].resolved, shape.items.at(m), at + sl.memberOffsets[m]));
            }
            return Value::ofStruct(std::move(members));
        }
        case Type::Kind::Array: {
            if (t.isUnboundedArray()) {
                // Our own buffer, not whatever pointer the kernel may have stored here.
                const Buffer& b = buffers_.at(readCursor_++);
                return readBuffer(t, shape, static_cast<const unsigned char*>(b.data));
            }
            size_t elemSize = layouts_.inlineLayout(*t.elem).size;
            std::vector<Value> elements;
            for (size_t i = 0; i < shape.items.size(); ++i) {
                elements.push_back(readInline(*t.elem, shape.items[i], at + i * elemSize));
            }
            return Value::ofList(std::move(elements));
        }
        case Type::Kind::Void: break;
    }
    throw EngineBug("cannot read a value of type " + toString(t));
}

Value ArgumentMemory::readBuffer(const Type& arrayType, const Value& shape, const unsigned char* data) {
    size_t elemSize = layouts_.bufferElementLayout(arrayType).size;
    std::vector<Value> elements;
    for (size_t i = 0; i < shape.items.size(); ++i) {
        if (arrayType.elem->isArray()) {
            const Buffer& b = buffers_.at(readCursor_++);
            elements.push_back(readBuffer(*arrayType.elem, shape.items[i], static_cast<const unsigned char*>(b.data)));
        } else {
            elements.push_back(readInline(*arrayType.elem, shape.items[i], data + i * elemSize));
        }
    }
    return Value::ofList(std::move(elements));
}

std::optional<Value> ArgumentMemory::readReturn() {
    const Type& r = *signature_.returnType;
    if (r.isVoid()) return std::nullopt;
    return readReturnedInline(r, static_cast<const unsigned char*>(returnSlot_));
}

Value ArgumentMemory::readReturnedInline(const Type& t, const unsigned char* at) {
    switch (t.kind) {
        case Type::Kind::Struct: {
            const StructLayout& sl = layouts_.structLayout(t.structName);
            const ast::StructDecl* decl = layouts_.structs().find(t.structName);
            std::vector<Value> members;
            for (size_t m = 0; m < decl->members.size(); ++m) {
                members.push_back(readReturnedInline(*decl->members[m].resolved, at + sl.memberOffsets[m]));
            }
            return Value::ofStruct(std::move(members));
        }
        case Type::Kind::Array: {
            if (t.isUnboundedArray()) {
                void* pointer;
                std::memcpy(&pointer, at, sizeof pointer);
                return readReturnedPointer(t, pointer);
            }
            size_t elemSize = layouts_.inlineLayout(*t.elem).size;
            std::vector<Value> elements;
            for (int i = 0; i < t.size; ++i) elements.push_back(readReturnedInline(*t.elem, at + i * elemSize));
            return Value::ofList(std::move(elements));
        }
        default: {
            Value dummyShape;
            return readInline(t, dummyShape, at);
        }
    }
}

Value ArgumentMemory::readReturnedPointer(const Type& arrayType, const void* pointer) {
    // Only buffers allocated here have a known length; anything else prints as null.
    for (const Buffer& b : buffers_) {
        if (b.data != pointer || !sameType(*b.arrayType->elem, *arrayType.elem)) continue;
        size_t elemSize = layouts_.bufferElementLayout(arrayType).size;
        const auto* data = static_cast<const unsigned char*>(b.data);
        std::vector<Value> elements;
        for (size_t i = 0; i < b.shape->items.size(); ++i) {
            if (arrayType.elem->isArray()) {
                void* inner;
                std::memcpy(&inner, data + i * elemSize, sizeof inner);
                elements.push_back(readReturnedPointer(*arrayType.elem, inner));
            } else {
                elements.push_back(readReturnedInline(*arrayType.elem, data + i * elemSize));
            }
        }
        return Value::ofList(std::move(elements));
    }
    return Value{};
}

}  // namespace lomaw::runtime
