// The diagnostic catalogue (syntax/DiagnosticCatalogue.def) as data, and the code types that
// make an uncatalogued code a compile error.
//
// DiagnosticSink::error takes an ErrorCode, warning a WarningCode: both are built at compile time
// from a string literal, so `diags.error(loc, "undeclared-varaible", ...)` — or a code catalogued as
// a warning passed to error() — does not build. The table is the one place a code is defined;
// docs/language.md §8 lists it and `lomaw explain` prints it.
#pragma once

#include <cstddef>
#include <iterator>
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

// The position of `code` in the catalogue, or -1. (An index, not a pointer: GCC's UBSan
// instrumentation makes a pointer's null test non-constant, and the codes are checked at compile time.)
constexpr int diagnosticIndex(std::string_view code) {
    for (size_t i = 0; i < std::size(kDiagnosticCatalogue); ++i)
        if (kDiagnosticCatalogue[i].code == code) return static_cast<int>(i);
    return -1;
}

inline const DiagnosticInfo* findDiagnostic(std::string_view code) {
    int i = diagnosticIndex(code);
    return i < 0 ? nullptr : &kDiagnosticCatalogue[i];
}

inline std::span<const DiagnosticInfo> diagnosticCatalogue() { return kDiagnosticCatalogue; }

// Clang 14 (Debian 12's) miscompiles a consteval call inside a full-expression whose temporaries
// have destructors (the diagnostic message strings): there the check runs at constant-evaluation
// time when possible and the GCC builds enforce it.
#if defined(__clang__) && __clang_major__ < 15
#define LOMAW_CODE_CHECK constexpr
#else
#define LOMAW_CODE_CHECK consteval
#endif

// A catalogued code of severity S, checked when the program is compiled.
template <Severity S>
class CataloguedCode {
public:
    LOMAW_CODE_CHECK CataloguedCode(const char* code) : index_(checked(code)) {}  // NOLINT: implicit from a literal
    std::string_view code() const { return kDiagnosticCatalogue[index_].code; }
    const DiagnosticInfo& info() const { return kDiagnosticCatalogue[index_]; }

private:
    static LOMAW_CODE_CHECK int checked(const char* code) {
        int i = diagnosticIndex(code);
        // Not a constant expression, so a call with an unknown or wrong-severity code fails to build.
        if (i < 0 || kDiagnosticCatalogue[i].severity != S)
            throw "diagnostic code not in syntax/DiagnosticCatalogue.def with this severity";
        return i;
    }
    int index_;
};

using ErrorCode = CataloguedCode<Severity::Error>;
using WarningCode = CataloguedCode<Severity::Warning>;
using NoteCode = CataloguedCode<Severity::Note>;

}  // namespace lomaw
