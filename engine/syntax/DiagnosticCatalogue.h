// The diagnostic catalogue (syntax/DiagnosticCatalogue.def) as data, and the code types that
// make an uncatalogued code a compile error.
//
// DiagnosticSink::error takes an ErrorCode, warning a WarningCode: both are built at compile time
// from a string literal, so `diags.error(loc, "undeclared-varaible", ...)` — or a code catalogued as
// a warning passed to error() — does not build. The table is the one place a code is defined;
// docs/language.md §8 lists it and `lomaw explain` prints it.
#pragma once

#include <span>
#include <string_view>

namespace lomaw {

enum class Severity { Error, Warning, Note };

struct DiagnosticInfo {
    std::string_view code;
    Severity severity;
    std::string_view meaning;
};

inline constexpr DiagnosticInfo kDiagnosticCatalogue[] = {
#define LOMAW_DIAGNOSTIC(code, severity, meaning) {code, Severity::severity, meaning},
#include "syntax/DiagnosticCatalogue.def"
#undef LOMAW_DIAGNOSTIC
};

constexpr const DiagnosticInfo* findDiagnostic(std::string_view code) {
    for (const DiagnosticInfo& d : kDiagnosticCatalogue)
        if (d.code == code) return &d;
    return nullptr;
}

inline std::span<const DiagnosticInfo> diagnosticCatalogue() { return kDiagnosticCatalogue; }

// A catalogued code of severity S, checked when the program is compiled.
template <Severity S>
class CataloguedCode {
public:
    consteval CataloguedCode(const char* code) : info_(checked(code)) {}  // NOLINT: implicit from a literal
    std::string_view code() const { return info_->code; }
    const DiagnosticInfo& info() const { return *info_; }

private:
    static consteval const DiagnosticInfo* checked(const char* code) {
        const DiagnosticInfo* d = findDiagnostic(code);
        // Not a constant expression, so a call with an unknown or wrong-severity code fails to build.
        if (!d || d->severity != S) throw "diagnostic code not in syntax/DiagnosticCatalogue.def with this severity";
        return d;
    }
    const DiagnosticInfo* info_;
};

using ErrorCode = CataloguedCode<Severity::Error>;
using WarningCode = CataloguedCode<Severity::Warning>;
using NoteCode = CataloguedCode<Severity::Note>;

}  // namespace lomaw
