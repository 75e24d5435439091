// Free-form source lines -> logical statements: `&` continuations joined, `!` comments
// dropped (outside strings), `;` separated statements split, `!$omp` directive lines kept as
// their own kind. Every character keeps its source position for diagnostics.
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

std::vector<LogicalLine> logicalLines(std::string_view source);

}  // namespace lomaw::fortran
