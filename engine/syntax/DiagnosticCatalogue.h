// The codes of the diagnostic catalogue (syntax/DiagnosticCatalogue.def) as data: code, severity,
// meaning. The table is the one place a code is defined; docs/language.md §8 lists it and
// `lomaw explain` prints it. The message formats of each code are in syntax/DiagnosticMessages.h:
// the sink takes only those, so a code that is not catalogued cannot be reported.
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

}  // namespace lomaw
