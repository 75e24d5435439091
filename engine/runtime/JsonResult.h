// Prints the result of a call in the exact format of docs/language.md §10.3:
//   {"return": R, "args": [A1, A2, ...]}
// with ", " and ": " separators, struct keys in member order, ints as integers, floats "%.9g"
// and non-finite floats as the strings "nan", "inf", "-inf". No trailing newline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/Signature.h"
#include "runtime/Value.h"

namespace lomaw::runtime {

std::string formatFloat(float f);
std::string formatValue(const Type& t, const Value& v, const StructTable& structs);
// `returned` is nullopt for a void function (printed as null).
std::string formatResult(const Signature& signature, const std::optional<Value>& returned,
                         const std::vector<Value>& args, const StructTable& structs);

}  // namespace lomaw::runtime
