// The Fortran front end of the OpenMP scope analysis (`lomaw scopes FILE.f90`): whole
// compilation units in free or fixed form — modules with CONTAINS, programs, subroutines and
// functions (internal ones too), USE, IMPLICIT, declarations with every attribute, derived
// types, parameters — and every executable statement of Fortran 2008 that can appear around
// or inside a parallel loop. What the analysis does not need (I/O, allocation, interfaces,
// ...) is read for its reads and writes, or skipped with a note saying so; never an error.
//
// The result is the loma tree the omp inspector already reads, so there is one inspector:
// a procedure becomes an ast::Function whose params and Declare statements carry resolved
// types (integer/logical/character -> int, real/double precision/complex -> float,
// dimension(d1,..,dk) -> nested arrays, static size when the extent is constant), `do i=a,b[,s]`
// becomes a For with range(a, b±1, s), a(i,j) becomes a[i][j], a slice a(lo:hi) an index
// `__slice(lo, hi)` (omp::kSliceCallee), a component d%u(i) the variable "d%u" (its path, with
// the subscripts of every level), `x**y` pow(x, y), `/=` ne(x, y), `.not. x` not(x); integer
// conversions, inquiry functions and masks are wrapped in __passive (omp::kPassiveCallee).
// The statements after a possible cycle/exit/return/goto of the same block are wrapped in an
// always-true If, so the inspector sees them as conditional. intent(in) params are In, the
// others Out (intent(out) with an Out annotation: written only).
//
// Each OpenMP loop (`!$omp parallel do`, `!$omp do` in a `!$omp parallel` region or orphaned,
// `do simd`, with collapse) is returned with its omp::LoopDirective. Diagnostics: errors for
// invalid Fortran and the pragma sanity rules (the kernel codes, docs/language.md §9.2), notes for
// what is skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fortran/FortranLines.h"
#include "omp/LoopDirective.h"
#include "omp/ScopeReport.h"
#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::fortran {

struct Unit {
    ast::Module module;
    struct Loop {
        size_t function = 0;             // index into module.functions()
        const ast::Stmt* loop = nullptr; // the For statement (owned by module)
        omp::LoopDirective directive;
    };
    std::vector<Loop> loops;             // source order
};

Unit parseUnit(std::string_view text, DiagnosticSink& diags, SourceForm form = SourceForm::Free);

// The module only (free form), for callers that inspect the tree.
ast::Module parse(std::string_view text, DiagnosticSink& diags);

// .f / .F / .for / .ftn / .f77: fixed form; everything else free form.
SourceForm formOf(const std::string& path);

// The scopes of every OpenMP loop of the unit, in source order.
std::vector<omp::LoopScopes> analyse(const Unit& unit, const omp::ScopeOptions& options);

}  // namespace lomaw::fortran
