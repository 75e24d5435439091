#include "EngineTapes.h"
#include "EngineViews.h"

#include <exception>

#include "syntax/Outcome.h"

namespace lomaw {

TapesOutput analyseTapes(const SourceFile& file) { return tapesOf(compileKernel(file)); }

TapesOutput tapesOf(const CompiledKernel& kernel) {
    TapesOutput out;
    out.report = kernel.tapes;
    out.diagnostics = kernel.diagnostics;
    out.ok = kernel.ok;
    try {
        out.text = ad::formatTapeReport(out.report);
    } catch (const std::exception& e) {
        DiagnosticSink diags;
        reportInternalError(diags, e);
        out.diagnostics.push_back(diags.raw().front());
        out.ok = false;
    }
    return out;
}

}  // namespace lomaw
