// Walking the JSON value of a typed parameter (the `lomaw run` encoding, docs/language.md §10.3)
// leaf by leaf: the float components gradcheck perturbs, seeds and reads back.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "runtime/Signature.h"

namespace lomaw::gradcheck {

using nlohmann::json;

// Calls `visit(leafValue, label)` for every float component of `value`, a JSON value of type
// `type`; label reads like the kernel ("x", "a[2]", "p.pos[1]"). Ints and shapes are skipped.
// Values that do not fit the type are skipped too (the runner validates them before any call).
void forEachFloatLeaf(const Type& type, json& value, const runtime::StructTable& structs,
                      const std::string& label, const std::function<void(json&, const std::string&)>& visit);

// The float a leaf holds (numbers, or the strings "nan", "inf", "-inf").
double leafNumber(const json& leaf);

// A value of the same shape with every float component set to `fill` (ints keep 0).
json filledLike(const Type& type, const json& value, const runtime::StructTable& structs, double fill);

// The differential value D(T) (docs/language.md §2.6) of a primal value: every float becomes
// {"val": v, "dval": 0}, structs keep their member names, ints stay.
json dualOf(const Type& type, const json& value, const runtime::StructTable& structs);

}  // namespace lomaw::gradcheck
