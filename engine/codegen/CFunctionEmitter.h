// Functions of the unit (§7): prototypes, definitions with the exact loma name and ABI
// signature, the per-thread body + launcher of @simd functions, and make__dfloat.
#pragma once

#include "codegen/CEvalOrder.h"
#include "codegen/CUnitContext.h"

namespace lomaw::codegen {

class CFunctionEmitter {
public:
    CFunctionEmitter(CUnitContext& unit, const CEvalOrder& order) : unit_(unit), order_(order) {}

    // `RET name(PARAMS)`: In scalars/structs by value, Out scalars/structs by pointer, arrays
    // as pointers (one '*' per level), @simd functions with a trailing `int _n_threads`.
    std::string signature(const ast::Function& f) const;
    void prototypes(CWriter& out) const;
    void makeDfloat(CWriter& out) const;
    void definition(const ast::Function& f, CWriter& out) const;

private:
    std::string paramList(const ast::Function& f) const;
    void body(const ast::Function& f, bool simdBody, CWriter& out) const;
    void simdLauncher(const ast::Function& f, CWriter& out) const;

    CUnitContext& unit_;
    const CEvalOrder& order_;
};

}  // namespace lomaw::codegen
