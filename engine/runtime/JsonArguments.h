// Parses and validates the --args JSON of `lomaw run` against a signature (docs/language.md §10.3)
// before anything is built or run. Errors name the parameter by position, name and path:
//   argument 3 (_db): element [2]: expected a number for float, got "x"
#pragma once

#include <string>
#include <vector>

#include "runtime/Signature.h"
#include "runtime/Value.h"

namespace lomaw::runtime {

struct ParsedArguments {
    bool ok = false;
    std::vector<Value> values;  // one per parameter when ok
    std::string error;          // the message (without "lomaw: error: ") when !ok
};

// An empty `json` means "[]". Throws EngineBug only for an untyped signature or unknown struct.
ParsedArguments parseArguments(const Signature& signature, const std::string& json,
                               const StructTable& structs);

// `error` of parseArguments as the error of an input named `what` ("--init", "--data"): a
// message about the JSON text itself names `what` instead of "--args", any other gets it as a
// prefix ("--init: argument 1 (p): ...").
std::string argumentsErrorFor(const std::string& what, const std::string& error);

}  // namespace lomaw::runtime
