// The sanity rules of `#pragma omp parallel for` (docs/language.md §9.2): omp-default-dup,
// omp-clause-conflict, omp-unknown-var, omp-loop-var, omp-private-type, omp-reduction-op,
// omp-default-none; warnings omp-unknown-clause and pragma-ignored (pragma in @simd).
// Runs before the loop variable is put in scope.
#pragma once

#include "sema/CheckContext.h"
#include "sema/Scope.h"

namespace lomaw::sema {

class PragmaChecker {
public:
    PragmaChecker(CheckContext& ctx, const FunctionScope& scope, const ast::Function& fn)
        : ctx_(ctx), scope_(scope), fn_(fn) {}
    void check(const ast::Stmt& forStmt);

private:
    CheckContext& ctx_;
    const FunctionScope& scope_;
    const ast::Function& fn_;
};

}  // namespace lomaw::sema
