// The pragma model: the primal OpenMP scope of every variable of a parallel loop, from the
// clauses of its directive (LoopDirective: the loop's and its region's) and OpenMP's default
// rules (docs/language.md §9.2; OpenMP 5.2 §5.1 for Fortran). The sanity errors of the pragma are
// the type checker's (loma) or the Fortran front end's.
#pragma once

#include <map>
#include <string>

#include "omp/AccessInspector.h"
#include "omp/LoopDirective.h"
#include "omp/ScopeReport.h"
#include "syntax/Ast.h"

namespace lomaw::omp {

struct PrimalScope {
    Scope scope = Scope::Shared;
    enum class Source { LoopVariable, Clause, Default } source = Source::Default;
    std::string op;            // Reduction: the operator ("+" for kernels)
    bool lastPrivate = false;  // lastprivate (scope Private or FirstPrivate)
    std::string origin;        // why, when not obvious: "region clause", "orphaned do: a local", ...
};

// Scopes of every variable in `accesses.order` plus every name listed in a clause.
std::map<std::string, PrimalScope> primalScopes(const ast::Pragma& pragma, const LoopAccesses& accesses);
std::map<std::string, PrimalScope> primalScopes(const LoopDirective& directive, const LoopAccesses& accesses);

}  // namespace lomaw::omp
