// The host side of the MPI record format (codegen/MpiRecordCodec.h, docs/mpi.md): kernel
// values (runtime::Value, as parsed from `lomaw run` JSON) to records and results back to values,
// so the results print exactly as `lomaw run` prints them (runtime::formatResult).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/Signature.h"
#include "runtime/Value.h"

namespace lomaw::dist {

// Appends the record of `v` (of type `t`) to `out`.
void encodeValue(const Type& t, const runtime::Value& v, const runtime::StructTable& structs, std::string& out);

// Reads one value of type `t` at `p` (advancing it); false when the bytes run out or are malformed.
// A returned-pointer null marker becomes a Null value.
bool decodeValue(const Type& t, const runtime::StructTable& structs, const char*& p, const char* end,
                 runtime::Value& out);

struct DecodedResult {
    std::optional<runtime::Value> returned;  // nullopt for a void function
    std::vector<runtime::Value> args;
};

// One result record: the return value (non-void) then every parameter.
bool decodeResult(const runtime::Signature& s, const runtime::StructTable& structs, const char*& p,
                  const char* end, DecodedResult& out);

// Appends exactly runtime::formatFloat(f) ("%.9g", or "nan"/"inf" strings), faster.
void appendFloatJson(float f, std::string& out);

// Appends one result record as the JSON `lomaw run` prints (runtime::formatResult of what
// decodeResult gives), straight from the bytes: the output path for huge batches.
bool appendResultJson(const runtime::Signature& s, const runtime::StructTable& structs, const char*& p,
                      const char* end, std::string& out);

}  // namespace lomaw::dist
