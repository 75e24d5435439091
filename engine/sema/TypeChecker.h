// The type checker: implements every typing rule and user error of docs/language.md (§1-§6, §8,
// §9.1, §9.2) on a parsed module.
//
// On success the module is "typed": every Expr has `type`, every Declare has `resolved`,
// every Param has `isOut`/`resolved`, every Function has `returnType`, every struct Member has
// `resolved`; implicit conversions are wrapped in int2float/float2int calls marked
// `implicitConversion`; and the differential structs (_dfloat, then _dS for every user
// struct S in source order) are appended to the module as StructDecl{generated = true}.
#pragma once

#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::sema {

// Returns true when no error was reported.
bool check(ast::Module& m, DiagnosticSink& diags);

}  // namespace lomaw::sema
