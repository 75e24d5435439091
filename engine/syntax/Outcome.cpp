#include "syntax/Outcome.h"

#include <new>

#include "syntax/Diagnostics.h"

namespace lomaw {

namespace {

bool outOfMemory(const std::exception& e) { return dynamic_cast<const std::bad_alloc*>(&e) != nullptr; }

std::string bugText(std::string_view prefix, std::string_view what, std::string_view where) {
    std::string text(prefix);
    if (!where.empty()) text.append(where).append(": ");
    return text.append(what);
}

}  // namespace

Outcome failure(OutcomeKind kind, std::string message) { return Outcome{kind, std::move(message)}; }

Outcome internalError(std::string_view what) {
    return failure(OutcomeKind::InternalError, "internal error: " + std::string(what));
}

Outcome exceptionOutcome(const std::exception& e, std::string_view where) {
    if (outOfMemory(e)) return failure(OutcomeKind::EnvironmentError, "out of memory");
    return failure(OutcomeKind::InternalError, bugText("internal error: ", e.what(), where));
}

void reportInternalError(DiagnosticSink& diags, const std::exception& e, std::string_view where) {
    if (outOfMemory(e)) {
        diags.report({1, 1}, msg::OutOfMemory);
        return;
    }
    reportInternalError(diags, SourceLoc{1, 1}, e.what(), where);
}

void reportInternalError(DiagnosticSink& diags, SourceLoc loc, std::string_view what, std::string_view where) {
    SourceLoc at = loc.valid() ? loc : SourceLoc{1, 1};
    if (where.empty()) diags.report(at, msg::InternalError, what);
    else diags.report(at, msg::InternalErrorIn, where, what);

}

OutcomeKind kindOfExitCode(int code) {
    for (OutcomeKind kind : {OutcomeKind::Ok, OutcomeKind::CompileError, OutcomeKind::UsageError,
                             OutcomeKind::RuntimeError})
        if (exitCode(kind) == code) return kind;
    return OutcomeKind::EnvironmentError;
}

}  // namespace lomaw
