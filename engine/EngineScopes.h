// Facade section: OpenMP adjoint scope reports (engine/omp, engine/fortran).
// `lomaw scopes FILE`, `emit --stage omp` and the GUI's scope table stand on analyseScopes.
#pragma once

#include <string>
#include <vector>

#include "Engine.h"
#include "omp/ScopeReport.h"

namespace lomaw {

struct ScopesOutput {
    bool ok = false;                      // no error diagnostics
    std::vector<omp::LoopScopes> loops;   // one per parallel loop, source order
    std::vector<Diagnostic> diagnostics;  // sorted by position
};

// True for .f90 / .f / .F90 / .f95 / .f03 paths: analysed by the Fortran subset front end.
bool isFortranPath(const std::string& path);

// Kernel files (.py) are checked like `lomaw check` first; Fortran files go through
// engine/fortran. Never throws.
ScopesOutput analyseScopes(const Engine& engine, const SourceFile& file, const omp::ScopeOptions& options = {});

}  // namespace lomaw
