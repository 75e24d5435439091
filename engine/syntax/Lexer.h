// The loma lexer: Python's tokenizer rules (docs/language.md §1.1-§1.3).
//
// Produces the whole token stream at once; the parser indexes into it. Lexical errors are
// reported to the sink as `syntax-error` and leave an Error token in the stream so the parser
// drops the statement without a second diagnostic. Never throws, never hangs: every loop
// consumes at least one byte.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "syntax/Diagnostics.h"
#include "syntax/Token.h"

namespace lomaw::syntax {

struct LexResult {
    std::vector<Token> tokens;   // always ends with one EndOfFile token
    // `#pragma` comment lines, in source order. They are kept beside the stream rather than
    // in it because a comment line carries no indentation meaning: inside the stream it would
    // land on the wrong side of DEDENT tokens. The parser attaches one to the `for` on the
    // line right below it.
    std::vector<Token> pragmas;
    // The first bracket never closed before the end of the file: everything after it was one
    // logical line, so the parser stays quiet past it (the lexer already reported it).
    std::optional<SourceLoc> unclosedBracket;
};

LexResult lex(std::string_view source, DiagnosticSink& diags);

// Whether a `#pragma` comment text (from '#') is an `omp parallel for` pragma, and if so the
// byte offset in `text` just past the word `for` (where the clauses begin).
std::optional<size_t> ompParallelForClauses(std::string_view text);

}  // namespace lomaw::syntax
