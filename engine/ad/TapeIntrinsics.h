// The generated-only intrinsics of reverse mode (accepted in generated functions; the C
// backend implements them, engine/codegen/CAdIntrinsics.h):
//   __lomaw_max_iter_exceeded(N)            runtime error of a reverse-mode while loop (§3.6)
//   __lomaw_tape_acquire(tape, cap)         take this thread's buffer kept from earlier calls
//   __lomaw_tape_reserve(tape, cap, count)  grow a heap tape so that tape[count] is writable
//   __lomaw_tape_presize(tape, cap, count)  grow it (once, on loop entry) to hold count entries
//   __lomaw_tape_release(tape, cap)         keep the buffer for the next call on this thread
//   __lomaw_tape_free(tape)                 free a heap buffer (adjoint buffers of rev of rev)
#pragma once

#include <string>

namespace lomaw::ad {

inline const char* kMaxIterExceeded = "__lomaw_max_iter_exceeded";
inline const char* kTapeAcquire = "__lomaw_tape_acquire";
inline const char* kTapeReserve = "__lomaw_tape_reserve";
inline const char* kTapePresize = "__lomaw_tape_presize";
inline const char* kTapeRelease = "__lomaw_tape_release";
inline const char* kTapeFree = "__lomaw_tape_free";
// Whether `name` is one of the generated-only intrinsics above.
inline bool isTapeIntrinsic(const std::string& name) {
    return name == kMaxIterExceeded || name == kTapeAcquire || name == kTapeReserve || name == kTapePresize ||
           name == kTapeRelease || name == kTapeFree;
}

}  // namespace lomaw::ad
