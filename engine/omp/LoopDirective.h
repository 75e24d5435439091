// The worksharing model of one parallel loop, independent of the source language: the
// data-sharing clauses of the loop directive and of the enclosing `parallel` region, the
// default, the collapsed nest and the variables OpenMP makes private or shared implicitly.
// Kernels build it from their `#pragma omp parallel for` (directiveFromPragma); the Fortran
// front end builds it from `!$omp parallel do`, `!$omp parallel` + `!$omp do`, orphaned
// `!$omp do`, `do simd`, with every clause (docs/omp.md, "Fortran").
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "omp/ScopeReport.h"
#include "syntax/Ast.h"

namespace lomaw::omp {

// One variable's data-sharing clause.
struct DataSharing {
    Scope scope = Scope::Shared;  // Shared, Private, FirstPrivate or Reduction
    std::string op;               // Reduction: "+", "*", "max", "min", ".and.", "iand", ...
    bool lastPrivate = false;     // lastprivate (scope Private, or FirstPrivate when both)
};

struct LoopDirective {
    SourceLoc loc;
    std::string construct = "parallel do";  // as written: "parallel do", "do", "do simd", ...
    // Clauses of the loop directive (the combined `parallel do`, or the `do` in a region).
    std::map<std::string, DataSharing> loopClauses;
    // Clauses of the enclosing `parallel` region (empty for combined / orphaned loops).
    std::map<std::string, DataSharing> regionClauses;
    int regionLine = 0;                    // the `!$omp parallel` line, 0 for none
    // The default clause in force (loop's, else region's); nullopt: shared.
    std::optional<Scope> defaultScope;
    // The loop variables of the collapsed nest, outermost first (one entry without collapse).
    std::vector<std::string> collapsed;
    // An orphaned `do` (no enclosing region in its procedure): the procedure's automatic
    // locals are private to each thread (they live on its stack); the rest is assumed shared.
    bool orphaned = false;
    std::set<std::string> procedureLocals;
    std::set<std::string> threadPrivate;   // `!$omp threadprivate`: private in every region
    std::set<std::string> constants;       // named constants: not variables, never reported
    // Call arguments of Out parameters without an Out annotation are read as well as written
    // (Fortran intent(inout) or no intent); kernels' Out parameters are written only.
    bool outArgumentsAlsoRead = false;
};

// The model of a kernel pragma: shared / private / firstprivate / reduction(+) / default.
// Unknown clauses (collapse, schedule, ...) are ignored as the kernel checker says.
LoopDirective directiveFromPragma(const ast::Pragma& pragma, const std::string& loopVar);

}  // namespace lomaw::omp
