#include "runtime/BoundsRegistry.h"

#include "codegen/CBoundsChecks.h"

namespace lomaw::runtime {

BoundsRegistry::BoundsRegistry(const NativeModule& library) {
    std::string absent;  // a library built without --check-bounds: no registry, no checks
    void* add = library.symbol(codegen::kBoundsRegisterSymbol, absent);
    void* reset = add ? library.symbol(codegen::kBoundsResetSymbol, absent) : nullptr;
    if (!add || !reset) return;
    register_ = reinterpret_cast<void (*)(const void*, long)>(add);
    reset_ = reinterpret_cast<void (*)()>(reset);
}

void BoundsRegistry::fill(const ArgumentMemory& memory) const {
    if (!register_) return;
    reset_();
    for (const ArgumentMemory::Extent& e : memory.extents()) register_(e.data, static_cast<long>(e.count));
}

}  // namespace lomaw::runtime
