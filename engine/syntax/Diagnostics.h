// Diagnostics: every user error, warning and note the engine reports.
//
// Diagnostics are collected, never thrown: a pass keeps going after an error so that one run
// reports everything (docs/language.md §8). The sink sorts by position when asked for the final list.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/DiagnosticCatalogue.h"
#include "syntax/SourceLoc.h"

namespace lomaw {

struct Diagnostic {
    Severity severity = Severity::Error;
    SourceLoc loc;
    std::string code;      // a code of syntax/DiagnosticCatalogue.def, e.g. "undeclared-variable"
    std::string message;   // without the code
    std::vector<Diagnostic> notes;  // printed right after this diagnostic
};

class DiagnosticSink {
public:
    Diagnostic& error(SourceLoc loc, ErrorCode code, std::string message);
    Diagnostic& warning(SourceLoc loc, WarningCode code, std::string message);
    // A note that stands alone (what an analysis skipped or assumed), with a code of its own.
    Diagnostic& remark(SourceLoc loc, NoteCode code, std::string message);
    // Attaches a note to the most recent diagnostic (the one it explains).
    void note(SourceLoc loc, std::string message);

    bool hasErrors() const;
    size_t errorCount() const;
    bool empty() const { return items_.empty(); }
    // All diagnostics, sorted by position (stable: equal positions keep report order).
    std::vector<Diagnostic> sorted() const;
    const std::vector<Diagnostic>& raw() const { return items_; }
    void append(const std::vector<Diagnostic>& more);

private:
    std::vector<Diagnostic> items_;
};

const char* severityName(Severity s);

// "FILE:LINE:COL: error: message [code]" followed by the source line and a caret, then notes.
// `source` is the file's text (used to print the offending line; may be empty).
std::string formatDiagnostic(const Diagnostic& d, std::string_view file, std::string_view source);
std::string formatDiagnostics(const std::vector<Diagnostic>& ds, std::string_view file,
                              std::string_view source);

}  // namespace lomaw
