#include "EngineStages.h"

namespace lomaw {

EmitOutput emitOmpStage(const ast::Module&, const SourceFile&, std::vector<Diagnostic> diagnostics) {
    EmitOutput out;
    out.diagnostics = std::move(diagnostics);
    DiagnosticSink sink;
    sink.error({1, 1}, "unavailable", "the omp stage is not available in this build yet");
    out.diagnostics.push_back(sink.raw().front());
    return out;
}

}  // namespace lomaw
