// The signature of a derivative function (docs/language.md §6.1-§6.3, worked table §6.7).
//
// Used by the checker (so calls to declared derivatives type-check) and by AD (which fills in
// the body). The primal must be typed (Param::isOut/resolved and returnType filled).
#pragma once

#include <string>

#include "syntax/Ast.h"

namespace lomaw::sema {

// Forward: same parameters (names, qualifiers), every type T -> D(T), return R -> D(R).
// Reverse: In x -> x, _dx : Out; Out y -> _dy : In; then _dreturn : In[R]; types stay primal,
// result void. Generated names that collide with another parameter get the smallest free
// suffix _2, _3, ... The result has params (with annotations), returnType/returnAnnotation,
// simd/openMpi inherited, generated = true, derivedFrom = primal.name, loc/nameLoc = `loc`,
// and an empty body.
ast::Function derivativeSignature(const ast::Function& primal, ast::DiffDecl::Mode mode,
                                  const std::string& name, SourceLoc loc = {});

// The name the compiler gives the derivative of `primal` when no user declaration exists:
// _d_fwd_<primal> / _d_rev_<primal> (§6.1).
std::string generatedDerivativeName(const std::string& primal, ast::DiffDecl::Mode mode);

}  // namespace lomaw::sema
