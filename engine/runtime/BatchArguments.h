// The argument sets of a `--batch` file (a JSON list of `--args` lists), each validated exactly as
// `lomaw run --args` validates its list (runtime::parseArguments), with the same messages except
// that they name the set: "input set 1: argument 2 (k): expected an integer for int, got 1.5".
// The one validator of `lomaw run --batch` (BatchRunner) and of the reference input path of
// `lomaw mpirun --batch` (dist/DistJobs, when its one-pass reader dist/BatchEncoder gives up).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "runtime/Signature.h"
#include "runtime/Value.h"

namespace lomaw::runtime {

// Calls `onSet` with each set's values (one per parameter), in order, until a set is invalid.
// Returns "" when every set was valid, else the message ("--batch: expected a list of argument
// lists", "input set I: ..."); the sets before the invalid one have been passed to `onSet`.
std::string forEachBatchSet(const Signature& signature, const std::string& json, const StructTable& structs,
                            const std::function<void(std::vector<Value>&& values)>& onSet);

struct ParsedBatch {
    bool ok = false;
    std::vector<std::vector<Value>> sets;  // one value per parameter, per set; empty when !ok
    std::string error;  // "--batch: expected a list of argument lists", "input set 1: argument 2 (k): ..."
};

// Every set of `json` validated against `signature` and kept (forEachBatchSet).
ParsedBatch parseBatchArguments(const Signature& signature, const std::string& json, const StructTable& structs);

}  // namespace lomaw::runtime
