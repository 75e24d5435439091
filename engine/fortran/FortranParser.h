// The free-form Fortran subset front end, for the OpenMP scope analysis only (`lomaw scopes
// FILE.f90`): subroutines, integer / real / double precision declarations with dimension(...)
// and intent(...), do loops, assignments, if/then/else, calls, multi-dimensional array
// references and slices, and `!$omp parallel do|for` pragmas with clauses.
//
// The result is the loma tree the omp inspector already reads, so there is one inspector:
// a subroutine becomes an ast::Function whose params and Declare statements carry resolved
// types (integer -> int, real/double precision -> float, dimension(d1,..,dk) -> nested arrays,
// static size when the extent is a literal), `do i=a,b[,s]` becomes a For with range(a, b±1, s),
// a(i,j) becomes a[i][j], a slice a(lo:hi) an index `__slice(lo, hi)` (omp::kSliceCallee),
// `x**y` pow(x, y), `/=` ne(x, y) and `.not. x` not(x). Intent out/inout params are Out.
// Unsupported Fortran is a diagnostic `fortran-unsupported` at its FILE:LINE:COL; the sanity
// rules of the pragma (LANGUAGE.md §9.2) are checked as for kernels, with the same codes.
#pragma once

#include <string_view>

#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::fortran {

ast::Module parse(std::string_view text, DiagnosticSink& diags);

}  // namespace lomaw::fortran
