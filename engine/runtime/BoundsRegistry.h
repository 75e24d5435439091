// The runtime side of `--check-bounds` (docs/language.md §10.6, codegen/CBoundsChecks.h): before
// each call, the element count of every buffer the call's ArgumentMemory built from the JSON
// arguments (parameters, nested arrays, arrays in structs) goes into the library's extent
// registry, so that unbounded arrays are checked against what the caller passed. A library built
// without the option has no registry; then nothing is done.
#pragma once

#include "runtime/ArgumentMemory.h"
#include "runtime/NativeModule.h"

namespace lomaw::runtime {

class BoundsRegistry {
public:
    BoundsRegistry() = default;
    // The registry functions of `library`, when it has them.
    explicit BoundsRegistry(const NativeModule& library);

    // Forgets the previous call's buffers and registers `memory`'s.
    void fill(const ArgumentMemory& memory) const;

private:
    void (*register_)(const void*, long) = nullptr;
    void (*reset_)() = nullptr;
};

}  // namespace lomaw::runtime
