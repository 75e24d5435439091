// Bounds-checked array accesses: `lomaw run|mpirun|descend --check-bounds` (docs/language.md §10.6).
//
// With CEmitOptions::checkBounds every index of the unit goes through a checker that ends the
// run with the runtime error of §10.4 (one `runtime error:` line, exit 3):
//   runtime error: index 12 out of bounds for 'a' (size 3) at FILE:LINE:COL
// naming the indexed expression as written and the index expression's position.
//   sized arrays (Array[T, N])   base[_lw_bound(i, N, "a", "FILE:L:C")]   N is the declared size
//   unbounded arrays (Array[T])  ((T*)_lw_bound_at(base, sizeof(T), i, "a", "FILE:L:C"))[0]
// An unbounded array is a pointer; its element count is looked up by that pointer in an extent
// registry the caller fills through two exported functions before a call:
//   void _lw_bounds_register(const void* data, long count);   (the call harness, for every
//   void _lw_bounds_reset(void);                                buffer built from the JSON
//                                                               arguments; the MPI worker, for
//                                                               every buffer it decodes)
// A pointer with no entry (a sized array passed for an unbounded parameter) is not checked.
// The registry is only read while the kernel runs, so OpenMP threads may share it.
#pragma once

#include <string>

#include "codegen/CExprEmitter.h"

namespace lomaw::codegen {

inline constexpr const char* kBoundsRegisterSymbol = "_lw_bounds_register";
inline constexpr const char* kBoundsResetSymbol = "_lw_bounds_reset";

// The registry and the checkers (after the runtime error helper, which they call).
void emitBoundsSupport(const CUnitContext& unit, CWriter& out);

// `base[index]` checked: `indexed` is the array expression (its type says sized or unbounded;
// printed as written in the message), `indexExpr` the index (its position is the one reported).
CExpr checkedIndex(const CUnitContext& unit, const ast::Expr& indexed, const CExpr& base, const std::string& index,
                   const ast::Expr& indexExpr);

}  // namespace lomaw::codegen
