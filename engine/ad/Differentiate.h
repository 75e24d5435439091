// Automatic differentiation by source transformation (docs/language.md §4-§6, §9.1).
//
// Runs on a checked module (sema::check returned true). Every DiffDecl item is replaced, in
// place, by its generated Function (name, derivedFrom = target, @simd/@openMpi inherited);
// the derivatives of callees that the generated bodies call (_d_fwd_<f> / _d_rev_<f>, unless
// the user declared one of that mode, in which case the last declaration is used) are appended
// in the order they were first needed, and so are differential structs that only generated
// code uses (e.g. _d_dfloat). The result is typed like a checked module: AD fills every type
// directly (see ad/TypedBuild.h) rather than re-running the checker.
#pragma once

#include "ad/TapeReport.h"
#include "omp/ScopeReport.h"
#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::ad {

// Returns true when no error was reported (errors here are internal compiler errors only:
// every user error about derivatives is the checker's).
bool differentiate(ast::Module& m, DiagnosticSink& diags);
// The same, with adjoint scopes of parallel loops forced per variable (omp::ScopeOptions::force).
bool differentiate(ast::Module& m, DiagnosticSink& diags, const omp::ScopeOptions& scopes);
// The same, also returning what the reverse derivatives record per loop (`emit --stage tape`).
bool differentiate(ast::Module& m, DiagnosticSink& diags, TapeReport& tapes);

}  // namespace lomaw::ad
