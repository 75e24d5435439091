#include "EngineStages.h"

namespace lomaw {

EmitOutput emitMpiStage(const ast::Module&, const SourceFile&, Stage, const EmitOptions&,
                        std::vector<Diagnostic> diagnostics) {
    EmitOutput out;
    out.diagnostics = std::move(diagnostics);
    DiagnosticSink sink;
    sink.error({1, 1}, "unavailable", "the mpi stages are not available in this build yet");
    out.diagnostics.push_back(sink.raw().front());
    return out;
}

}  // namespace lomaw
