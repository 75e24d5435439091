// D(T), the differential type of docs/language.md §2.6, and the way back from a resolved Type to a
// printable annotation. Purely structural (by name): D(float) = _dfloat, D(S) = _dS,
// D(int) = int, D(Array[T, N]) = Array[D(T), N]. Which generated structs exist is the
// StructTable's business, not this file's.
#pragma once

#include <string>

#include "syntax/Ast.h"
#include "syntax/Type.h"

namespace lomaw::sema {

TypePtr differentialType(const TypePtr& t);

// "_d" + base: the name of the differential struct of `float` or of struct `base`.
std::string differentialStructName(const std::string& base);

// The annotation spelling a resolved type (generated code and generated structs carry one so
// the printer can show them). With `qualifier` In or Out, wrapped in In[...] / Out[...].
ast::TypeExprPtr typeExprFor(const TypePtr& t,
                             std::optional<ast::TypeExpr::Kind> qualifier = std::nullopt);

}  // namespace lomaw::sema
