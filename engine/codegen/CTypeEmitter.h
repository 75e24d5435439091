// C spellings of loma types (§7) and the struct typedefs of a unit in dependency order.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "codegen/CUnitContext.h"

namespace lomaw::codegen {

// A declaration of `name` with type t, as a struct member or a local:
// `int n`, `S s`, `float m[3][4]` (static arrays continue their dimensions),
// `float* m[3]` (static array of unbounded arrays), `float** m` (unbounded, one '*' per level).
std::string cDeclarator(const Type& t, const std::string& name);
// The initialiser that zero-initialises a bounded value of type t: "0", "0.0f" or "{0}".
std::string cZeroInitializer(const Type& t);

// `typedef struct { ... } S;` for every struct of the module (and `_dfloat`, which the unit
// always needs for make__dfloat), each after the structs it names.
void emitStructTypedefs(CUnitContext& unit, CWriter& out);

// The members (name, type) of struct `name` as the unit declares it: the module's structs,
// `_dfloat`, and a differential struct `_dS` the module lacks (its members are S's, made
// differential). Empty when no such struct is known.
std::vector<std::pair<std::string, TypePtr>> cStructMembers(const ast::Module& module, const std::string& name);

}  // namespace lomaw::codegen
