// A position in a kernel source file. Lines and columns are 1-based; a column counts
// characters (a tab is one), as docs/language.md §8 requires. {0,0} means "no position"
// (generated code without a primal statement).
#pragma once

namespace lomaw {

struct SourceLoc {
    int line = 0;
    int col = 0;

    bool valid() const { return line > 0; }
    friend bool operator==(const SourceLoc&, const SourceLoc&) = default;
    friend bool operator<(const SourceLoc& a, const SourceLoc& b) {
        return a.line != b.line ? a.line < b.line : a.col < b.col;
    }
};

}  // namespace lomaw
