// Function definitions (docs/language.md §1.6, §3.1, §3.7, §5): parameter annotations and names,
// return type rules, then the body. Signatures are resolved for every function first so that
// calls can be checked in any definition order.
#pragma once

#include "sema/CheckContext.h"

namespace lomaw::sema {

class FunctionChecker {
public:
    explicit FunctionChecker(CheckContext& ctx) : ctx_(ctx) {}

    // Fills Param::isOut/resolved and Function::returnType; reports missing-annotation,
    // duplicate-declaration and reserved-name for parameters, return-array, simd-return.
    void checkSignature(ast::Function& f);
    // Type-checks the body; reports missing-return (unless a misplaced return or a syntax error
    // in the function explains it). Skips the body of an incomplete function.
    void checkBody(ast::Function& f);

private:
    static bool containsReturn(const ast::Block& block);
    // Whether a syntax error was reported inside `f`'s text (up to the next top-level item).
    bool syntaxErrorAfter(const ast::Function& f) const;

    CheckContext& ctx_;
};

}  // namespace lomaw::sema
