// Tokens of the loma lexer (Python's token model: NEWLINE / INDENT / DEDENT carry the block
// structure, so the parser never looks at whitespace).
//
// A token's text is a view into the source buffer: the lexer never copies the source, which
// keeps lexing linear and allocation-free apart from the token vector itself.
#pragma once

#include <cstdint>
#include <string_view>

#include "syntax/SourceLoc.h"

namespace lomaw::syntax {

enum class TokKind : std::uint8_t {
    Name,       // identifier (keywords are Names with `kw` set)
    Int,        // integer literal: intValue, intOverflow
    Float,      // float literal: floatValue
    Imaginary,  // 1j, 2.5J: only so the parser can reject it as an unsupported expression
    String,     // any string/bytes literal (prefixes and triple quotes included)
    Op,         // operator or delimiter; text holds its spelling
    Newline,    // end of a logical line
    Indent,
    Dedent,
    Pragma,     // a `#pragma` comment line; kept beside the stream (LexResult::pragmas)
    Error,      // a lexical error already reported; the parser skips the statement silently
    EndOfFile,
};

// Python keywords (hard ones; `match`/`case` are soft and stay plain names).
enum class Kw : std::uint8_t {
    None_,  // not a keyword
    False, NoneLit, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del,
    Elif, Else, Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal,
    Not, Or, Pass, Raise, Return, Try, While, With, Yield,
};

struct Token {
    TokKind kind = TokKind::EndOfFile;
    Kw kw = Kw::None_;
    SourceLoc loc;
    std::string_view text;   // spelling in the source (for Pragma: from '#' to end of line)
    long long intValue = 0;  // Int: value, saturated at LLONG_MAX
    bool intOverflow = false;  // Int: value > 2147483647 (int-literal-range)
    double floatValue = 0.0;   // Float: strtod of the literal (underscores removed)

    bool is(TokKind k) const { return kind == k; }
    // Hot in the parser: single-character operators are compared without a memcmp call.
    bool isOp(std::string_view s) const {
        return kind == TokKind::Op && text.size() == s.size() && text[0] == s[0] &&
               (s.size() == 1 || text == s);
    }
    bool isKw(Kw k) const { return kind == TokKind::Name && kw == k; }
    bool isIdent() const { return kind == TokKind::Name && kw == Kw::None_; }
    bool isName(std::string_view s) const { return isIdent() && text == s; }
};

}  // namespace lomaw::syntax
