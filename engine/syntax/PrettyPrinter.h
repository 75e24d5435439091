// Prints a module back in kernel syntax following docs/language.md §10.2's printing rules.
#pragma once

#include "syntax/Ast.h"
#include "syntax/SourceMap.h"

namespace lomaw::syntax {

enum class PrintMode {
    AsWritten,  // `emit --stage ast`: annotations as written, no inserted conversions
    Checked,    // `emit --stage diff`: resolved types, implicit int2float/float2int visible,
                // generated differential structs printed when used
};

EmittedText printModule(const ast::Module& m, PrintMode mode = PrintMode::AsWritten);
std::string printExpr(const ast::Expr& e, PrintMode mode = PrintMode::AsWritten);
std::string printType(const ast::TypeExpr& t);

// Shortest decimal form that reads back to the same double and contains '.' or 'e'
// ("1.0", "0.1", "1e-07").
std::string formatFloatLiteral(double v);

}  // namespace lomaw::syntax
