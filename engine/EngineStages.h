// Emit stages implemented beside the layers they belong to (the facade dispatches to them), and
// the facade's one entry to the loma parser.
#pragma once

#include "Engine.h"

namespace lomaw {

// `emit --stage mpi-parent | mpi-child`: EngineDistributed.cpp (engine/dist).
EmitOutput emitMpiStage(const ast::Module& checked, const SourceFile& file, Stage stage,
                        const EmitOptions& options, std::vector<Diagnostic> diagnostics);

// syntax::parse, counted (EngineViews.h frontEndRuns): every facade call parses through here.
ast::Module parseKernel(const std::string& text, DiagnosticSink& diags);

}  // namespace lomaw
