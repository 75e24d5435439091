// The loma front end: a hand-written lexer with Python's indentation rules and a
// recursive-descent parser for the whole kernel language (docs/language.md §1, §9.1, §9.2).
//
// Never throws, never aborts: every problem becomes a diagnostic and parsing continues with
// the next statement / top-level item, so one run reports all errors of a file.
#pragma once

#include <string_view>

#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::syntax {

ast::Module parse(std::string_view source, DiagnosticSink& diags);

}  // namespace lomaw::syntax
