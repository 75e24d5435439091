// Emit stages implemented beside the layers they belong to (the facade dispatches to them).
#pragma once

#include "Engine.h"

namespace lomaw {

// `emit --stage omp`: EngineScopes.cpp (engine/omp).
EmitOutput emitOmpStage(const ast::Module& checked, const SourceFile& file,
                        std::vector<Diagnostic> diagnostics);
// `emit --stage mpi-parent | mpi-child`: EngineDistributed.cpp (engine/dist).
EmitOutput emitMpiStage(const ast::Module& checked, const SourceFile& file, Stage stage,
                        const EmitOptions& options, std::vector<Diagnostic> diagnostics);

}  // namespace lomaw
