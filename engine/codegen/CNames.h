// How kernel names become C names. Variables and members whose names are C keywords (or
// would clash with what the backend itself declares) are renamed; function and struct names
// are never renamed (they are the ABI, and the checker rejects reserved ones).
#pragma once

#include <string>

#include "syntax/Type.h"

namespace lomaw::codegen {

std::string cVariableName(const std::string& name);  // locals, parameters
std::string cMemberName(const std::string& name);    // struct members
// The C spelling of a parameter of type t (`float*` for arrays, `S*` for Out structs, ...).
std::string cParamType(const Type& t, bool isOut);
// The C type of a scalar/struct value (`int`, `float`, `S`); arrays are not values.
std::string cValueType(const Type& t);

}  // namespace lomaw::codegen
