// Source lines -> logical statements, free or fixed form: continuations joined (`&` in free
// form, column 6 in fixed form), comments dropped (outside strings), `;` separated statements
// split, `!$omp` (fixed form also `c$omp`, `*$omp`) directive lines kept as their own kind, and
// OpenMP conditional-compilation lines (`!$ ` sentinel) kept as code, as `-fopenmp` compiles
// them. Fixed form keeps columns 1-72; its label (columns 1-5) leads the statement text. Every
// character keeps its source position for diagnostics.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "syntax/SourceLoc.h"

namespace lomaw::fortran {

struct LogicalLine {
    bool directive = false;          // a `!$omp` line (text after the sentinel)
    std::string text;                // lower-cased outside strings
    std::vector<SourceLoc> locs;     // position of each character of `text`
    SourceLoc loc() const { return locs.empty() ? SourceLoc{} : locs.front(); }
    SourceLoc at(size_t k) const { return locs.empty() ? SourceLoc{} : locs[k < locs.size() ? k : locs.size() - 1]; }
};

enum class SourceForm { Free, Fixed };

std::vector<LogicalLine> logicalLines(std::string_view source, SourceForm form = SourceForm::Free);

}  // namespace lomaw::fortran
