// Facade section: OpenMP adjoint scope reports (engine/omp, engine/fortran).
// `lomaw scopes FILE`, `emit --stage omp` and the GUI's scope table stand on analyseScopes.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "Engine.h"
#include "omp/ScopeReport.h"

namespace lomaw {

struct ScopesOutput {
    bool ok = false;                      // no error diagnostics
    std::vector<omp::LoopScopes> loops;   // one per parallel loop, source order
    std::vector<Diagnostic> diagnostics;  // sorted by position
    // Fortran files: the subroutines and functions the front end read (name, first line), for
    // the app's function selector.
    std::vector<std::pair<std::string, int>> procedures;
};

// True for Fortran paths (.f90 .F90 .f95 .f03 .f08 free form; .f .F .for .ftn .f77 fixed form):
// analysed by the Fortran front end (engine/fortran).
bool isFortranPath(const std::string& path);

// Kernel files (.py) are checked like `lomaw check` first; Fortran files go through
// engine/fortran. Never throws.
ScopesOutput analyseScopes(const Engine& engine, const SourceFile& file, const omp::ScopeOptions& options = {});

// Parses one `--adjoint-scope` item "NAME=SCOPE" into options.force: SCOPE is shared, atomic
// or reduction; NAME a primal variable, or "*" for every variable not named. Returns "" or
// the error message.
std::string parseAdjointScope(const std::string& item, omp::ScopeOptions& options);

// `emit --stage diff | c | omp` with the adjoint scopes of parallel loops forced per variable
// (docs/omp.md, "Forcing a scope"): derivatives are generated with options.force, the omp
// stage's comments show the forced decisions. Other stages ignore the options. Never throws.
EmitOutput emitWithAdjointScopes(const Engine& engine, const SourceFile& file, Stage stage,
                                 const EmitOptions& emitOptions, const omp::ScopeOptions& options);

// The check stage (parse, check, differentiate) with forced adjoint scopes: for callers that
// run the generated code (Engine::runCompiled) with scopes other than the analysis' own.
CompileOutput checkWithAdjointScopes(const SourceFile& file, const omp::ScopeOptions& options);

}  // namespace lomaw
