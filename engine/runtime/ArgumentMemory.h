// The C memory of one call: a storage slot per parameter laid out per docs/language.md §7, buffers for
// every array (nested unbounded arrays as arrays of pointers, ragged allowed), the thread count
// of a @simd function and a return slot — and reading it all back after the call.
//
// The harness wrapper of a function receives `args()` (one pointer per parameter, then one to the
// thread count for @simd) and `returnSlot()`.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "runtime/Layout.h"
#include "runtime/Value.h"

namespace lomaw::runtime {

class ArgumentMemory {
public:
    // `values` must match `signature` (parseArguments checked it). Throws EngineBug on a type
    // the layout cannot handle.
    ArgumentMemory(const Signature& signature, const std::vector<Value>& values, int threads,
                   LayoutComputer& layouts);
    ArgumentMemory(const ArgumentMemory&) = delete;
    ArgumentMemory& operator=(const ArgumentMemory&) = delete;

    void** args() { return argPointers_.data(); }

    // Every buffer built for the call (parameters, nested arrays, unbounded arrays in structs)
    // with its element count: what --check-bounds checks unbounded arrays against.
    struct Extent {
        const void* data;
        size_t count;
    };
    std::vector<Extent> extents() const;
    void* returnSlot() { return returnSlot_; }

    // Parameter values after the call, at the input shapes. Arrays are read from the buffers
    // allocated here, even if the kernel stored other pointers into a struct's pointer member.
    std::vector<Value> readArguments();
    // The returned value (nullopt for void). Pointer members of a returned struct are printed
    // when they point to a buffer allocated here (at that buffer's shape), else as null.
    std::optional<Value> readReturn();

private:
    struct Buffer {
        void* data;
        const Type* arrayType;  // the array type whose buffer this is
        const Value* shape;     // the input value it was filled from
    };

    void* allocate(size_t bytes);
    void writeInline(const Type& t, const Value& v, unsigned char* at);
    void* writeBuffer(const Type& arrayType, const Value& v);
    Value readInline(const Type& t, const Value& shape, const unsigned char* at);
    Value readBuffer(const Type& arrayType, const Value& shape, const unsigned char* data);
    Value readReturnedInline(const Type& t, const unsigned char* at);
    Value readReturnedPointer(const Type& arrayType, const void* pointer);

    const Signature& signature_;
    const std::vector<Value>& values_;
    LayoutComputer& layouts_;
    std::vector<std::unique_ptr<std::max_align_t[]>> blocks_;
    std::vector<Buffer> buffers_;     // in allocation (= traversal) order
    size_t readCursor_ = 0;           // next buffer readInline/readBuffer consumes
    std::vector<void*> slots_;        // one per parameter
    std::vector<void*> argPointers_;  // what the harness receives
    int threads_ = 0;
    void* returnSlot_ = nullptr;
};

}  // namespace lomaw::runtime
