// The float components of kernel values (runtime::Value) that `lomaw descend` moves, and the
// argument lists of the derivative calls built around them. The JSON-level twin used by
// gradcheck is gradcheck/JsonLeaves.h; descent works on Values so that a step costs no JSON.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "runtime/Signature.h"
#include "runtime/Value.h"

namespace lomaw::runtime {

// Calls `visit(leaf, label)` for every float component of `value` (of type `type`) in the order
// of gradcheck's rows; labels read like the kernel: "x", "a[2]", "p.pos[1]".
void forEachFloatValue(const Type& type, Value& value, const StructTable& structs, const std::string& label,
                       const std::function<void(Value&, const std::string&)>& visit);

// The same walk without labels: the per-step path, where building a label per element would
// cost more than the kernel call.
void forEachFloatLeaf(const Type& type, Value& value, const StructTable& structs, const std::function<void(Value&)>& visit);

// The same value with every float component set to `fill` (ints and shapes kept).
Value floatsFilled(const Type& type, const Value& value, const StructTable& structs, float fill);

// The differential value D(T) (docs/language.md §2.6): every float becomes the struct {val, 0}.
Value dualValue(const Type& type, const Value& value, const StructTable& structs);

// Visits the (val, dval) pair of every float component of a dual value, `type` being the
// primal type, in forEachFloatValue order.
void forEachDualPair(const Type& type, Value& dual, const StructTable& structs,
                     const std::function<void(Value& val, Value& dval)>& visit);

}  // namespace lomaw::runtime
