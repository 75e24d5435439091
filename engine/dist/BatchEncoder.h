// The host-side input path of `lomaw mpirun` for huge batches: the `--batch` JSON text is read
// once, left to right, and every input set is validated against the signature and written as a
// record (RecordFormat.h) in the same pass, without building a JSON tree or per-set values.
//
// It accepts only what the reference path (runtime::parseArguments per set, the `lomaw run
// --args` validator) accepts, and produces the same records; it gives up (returns false) on
// anything outside the plain subset — a bad value, an escape in a string, struct members out of
// declaration order — and the caller then runs the reference path, which also writes the exact
// error message. So the fast path never changes what a batch means, only how fast it is read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/Signature.h"

namespace lomaw::dist {

struct EncodedBatch {
    uint64_t count = 0;
    std::string offsets;  // u64 per set boundary: count + 1 of them, starting with 0
    std::string records;  // the sets' records, back to back
};

// True and `out` filled when every set of `json` is in the plain subset and valid for `s`.
bool encodeBatchFast(const runtime::Signature& s, const runtime::StructTable& structs, std::string_view json,
                     EncodedBatch& out);

}  // namespace lomaw::dist
