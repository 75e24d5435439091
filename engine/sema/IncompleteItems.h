// Items the parser could only partly read (ast::Function/StructDecl::incomplete, set when an
// error was reported inside them). The checker still registers what it can of them, so that
// other items referring to them get no unknown-function / unknown-type cascades, but it does
// not check what may be missing: an incomplete function's body is skipped, calls to a function
// whose header is damaged are checked leniently, and member accesses on an incomplete struct
// are not reported as unknown-member (docs/language.md §8: independent errors, no cascades).
#pragma once

#include "syntax/Ast.h"

namespace lomaw::sema {

// The parser's placeholder for an annotation it could not read (a Named type without a name).
bool isUnreadable(const ast::TypeExpr* t);

// A parameter the parser could not read (placeholder without a name), or a parameter whose
// annotation it could not read, or a parameter default value: the parameter list of the
// function is not known for sure.
bool hasDamagedHeader(const ast::Function& f);

}  // namespace lomaw::sema
