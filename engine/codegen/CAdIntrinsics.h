// The generated-only intrinsics that reverse-mode AD emits (docs/ad.md, engine/ad/TapeIntrinsics.h):
//   __lomaw_max_iter_exceeded(N)            the runtime error of §3.6 / §10.4
//   __lomaw_tape_acquire(tape, cap)         take the buffer this thread kept from an earlier call
//   __lomaw_tape_reserve(tape, cap, count)  grow a heap tape so that tape[count] is writable
//   __lomaw_tape_presize(tape, cap, count)  grow it to hold count entries (a loop's trip, on entry)
//   __lomaw_tape_release(tape, cap)         keep the buffer for the next call on this thread
//   __lomaw_tape_free(tape)                 free a heap buffer
// They appear only as call statements of generated functions.
#pragma once

#include "codegen/CExprEmitter.h"
#include "codegen/CUnitContext.h"

namespace lomaw::codegen {

// Writes the C of `call` and returns true when it is one of the intrinsics above.
bool emitAdIntrinsic(const ast::Expr& call, CExprEmitter& exprs, CUnitContext& unit, CWriter& out,
                     int indent, int line);

}  // namespace lomaw::codegen
