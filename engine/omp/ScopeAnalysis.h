// The OpenMP adjoint scope analysis of typed modules: the entry points the facade, the GUI and
// the reverse-mode loop emitter use (docs/omp.md, "Using the analysis in reverse mode").
#pragma once

#include <vector>

#include "omp/LoopDirective.h"
#include "omp/ScopeReport.h"
#include "syntax/Ast.h"

namespace lomaw::omp {

// Scopes of one parallel loop. `forLoop` is a For statement of `fn` with a pragma (without one
// the loop is analysed as if under a bare `#pragma omp parallel for`). `module` (may be null)
// resolves Out parameters of called functions. `fn` must be typed.
LoopScopes analyseLoop(const ast::Function& fn, const ast::Stmt& forLoop, const ScopeOptions& options = {},
                       const ast::Module* module = nullptr);

// The same under an explicit worksharing model (the Fortran front end's: region clauses,
// collapse, lastprivate, reduction operators, orphaned loops). Named constants are not reported.
LoopScopes analyseLoop(const ast::Function& fn, const ast::Stmt& forLoop, const LoopDirective& directive,
                       const ScopeOptions& options, const ast::Module* module);

// Every parallel loop of `fn`, in source order (nested pragma loops included).
std::vector<LoopScopes> analyseFunction(const ast::Function& fn, const ScopeOptions& options = {},
                                        const ast::Module* module = nullptr);

// Every parallel loop of the module's written (not generated) functions, in source order.
std::vector<LoopScopes> analyseModule(const ast::Module& module, const ScopeOptions& options = {});

// The same loops with the tree nodes they were found at (pointers into `module`): for placing
// something beside a loop in generated code (emit --stage omp's scope comments).
struct ParallelLoop {
    const ast::Function* function = nullptr;
    const ast::Stmt* loop = nullptr;
    LoopScopes scopes;
};
std::vector<ParallelLoop> parallelLoops(const ast::Module& module, const ScopeOptions& options = {});

}  // namespace lomaw::omp
