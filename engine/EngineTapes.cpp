#include "EngineTapes.h"

#include "ad/Differentiate.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"
#include "syntax/FailureText.h"

namespace lomaw {

TapesOutput analyseTapes(const SourceFile& file) {
    TapesOutput out;
    DiagnosticSink diags;
    try {
        ast::Module module = syntax::parse(file.text, diags);
        if (sema::check(module, diags) && !diags.hasErrors()) ad::differentiate(module, diags, out.report);
        out.text = ad::formatTapeReport(out.report);
    } catch (const std::exception& e) {
        diags.error({1, 1}, "internal", failureText(e, "internal compiler error: "));
    }
    out.diagnostics = diags.sorted();
    out.ok = !diags.hasErrors();
    return out;
}

}  // namespace lomaw
