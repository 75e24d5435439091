// Tokens of one logical Fortran line.
#pragma once

#include <string>
#include <vector>

#include "fortran/FortranLines.h"

namespace lomaw::fortran {

struct Token {
    enum class Kind { Ident, Int, Real, Op, Str, End };
    Kind kind = Kind::End;
    std::string text;   // Op: "+", "**", "==", "/=", "<=", "::", ".and.", ...
    size_t pos = 0;     // index in the logical line
    SourceLoc loc;
    bool is(const char* op) const { return (kind == Kind::Op || kind == Kind::Ident) && text == op; }
};

// False (and `badPos` set) on a character that starts no token.
bool tokenize(const LogicalLine& line, std::vector<Token>& out, size_t& badPos);

}  // namespace lomaw::fortran
