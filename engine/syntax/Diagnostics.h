// Diagnostics: every user error, warning and note the engine reports.
//
// Diagnostics are collected, never thrown: a pass keeps going after an error so that one run
// reports everything (docs/language.md §8). The sink sorts by position when asked for the final list.
// It takes only catalogued messages (syntax/DiagnosticCatalogue.def): every text a user can see is
// in that one table, and a call with the wrong number of arguments for its format does not build.

#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/DiagnosticCatalogue.h"
#include "syntax/DiagnosticMessages.h"
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
    // A catalogued message (syntax/DiagnosticMessages.h), with the severity and code of its row:
    // `report(loc, msg::UndeclaredVariable, name)`, or a Message built beforehand.
    Diagnostic& report(SourceLoc loc, const Message& message);
    template <size_t N, class... Args>
        requires(sizeof...(Args) == N)
    Diagnostic& report(SourceLoc loc, MessageRef<N, false> id, const Args&... args) {
        return report(loc, Message(id, args...));
    }
    // Attaches a note to the most recent diagnostic (the one it explains).
    void note(SourceLoc loc, const NoteMessage& message);
    template <size_t N, class... Args>
        requires(sizeof...(Args) == N)
    void note(SourceLoc loc, MessageRef<N, true> id, const Args&... args) {
        note(loc, NoteMessage(id, args...));
    }

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
