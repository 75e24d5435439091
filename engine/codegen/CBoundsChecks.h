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
// The registry is only read while the kernel runs, so OpenMP threads may share it.
//
// Sized local arrays passed for unbounded parameters: each thread keeps a stack of the sized
// arrays its running functions declared (a local `Array[T, N]`, the rows of a local array of
// arrays, the sized arrays in a local struct), keyed by address and element size (a struct's
// first member starts where the struct does):
//   size_t _lw_locals3 = _lw_bounds_mark();        before a block's first such declaration
//   _lw_bounds_local(b, 4, sizeof (b)[0]);          after each declaration
//   _lw_bounds_release(_lw_locals3);                at the block's end and before a `return`
// so the stack holds exactly the arrays that exist (recursion and loops push and pop; an
// address reused by a later array is never found with a stale size). The stack is per thread:
// a function called in a parallel loop registers on its own thread. Code in a parallel region
// also sees the locals of the function that opened it (a copy taken on entry by
// `_lw_bounds_share()`, dropped by `_lw_bounds_unshare()` after the region). A pointer found in
// neither place (a temporary struct's array, per-thread copies of arrays) is not checked.
#pragma once

#include <string>

#include "codegen/CExprEmitter.h"

namespace lomaw::codegen {

inline constexpr const char* kBoundsRegisterSymbol = "_lw_bounds_register";
inline constexpr const char* kBoundsResetSymbol = "_lw_bounds_reset";

// The registry and the checkers (after the runtime error helper, which they call).
void emitBoundsSupport(const CUnitContext& unit, CWriter& out);

// True when a value of type t contains memory an unbounded parameter could be given: a sized
// array, or a struct (directly or through sized arrays) with one among its members.
bool holdsSizedArray(const ast::Module& m, const Type& t);

// After the declaration of `cExpr` (an lvalue of type t, holdsSizedArray): its sized arrays
// pushed on the thread's stack. Loops over arrays of arrays/structs count with `_lw_bkD`.
void registerLocal(const CUnitContext& unit, const Type& t, const std::string& cExpr, int indent, int line,
                   CWriter& out);

// `size_t NAME = _lw_bounds_mark();` / `_lw_bounds_release(NAME);` / around a parallel region.
std::string boundsMark(const std::string& name);
std::string boundsRelease(const std::string& name);
inline constexpr const char* kBoundsShare = "_lw_bounds_share();";
inline constexpr const char* kBoundsUnshare = "_lw_bounds_unshare();";

// `base[index]` checked: `indexed` is the array expression (its type says sized or unbounded;
// printed as written in the message), `indexExpr` the index (its position is the one reported).
CExpr checkedIndex(const CUnitContext& unit, const ast::Expr& indexed, const CExpr& base, const std::string& index,
                   const ast::Expr& indexExpr);

}  // namespace lomaw::codegen
