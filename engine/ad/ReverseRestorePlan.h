// Reverse mode, the restore plan: which overwritten values the reverse sweep gets back without
// a tape (docs/ad.md, "What is restored"). An analysis of the primal that returns a plain
// value; ReverseDiffer generates from it.
//
//  * Inverse step: `i = i + c` / `i = i - c` on an int (c loop-invariant: no calls, its
//    variables never written) is undone by `i = i - c` / `i = i + c` (exact: -fwrapv).
//  * Recomputation (Enzyme's cache-or-recompute): `l = e` in a block B is evaluated again in
//    B's reverse, just before the reverse of the last statement of B that reads l, instead of
//    taping l, when every other mention of l is a read after it in B (so only the value it
//    assigns is ever read back), e calls nothing, and every variable of e is never written or
//    restored anyway and is not written in B between `l = e` and that last read (so there,
//    in the reverse sweep, it holds the value it had at `l = e`: writes after the last read,
//    such as `i = i + 1`, are undone by then).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "syntax/Ast.h"

namespace lomaw::ad {

struct InverseStep {
    const ast::Expr* step = nullptr;  // c, in the primal
    bool add = true;                  // i = i + c (undone by i = i - c)
};

struct RestorePlan {
    std::map<const ast::Stmt*, InverseStep> inverse;
    // Definitions re-evaluated, in source order, just before the reverse of a statement.
    std::map<const ast::Stmt*, std::vector<const ast::Stmt*>> recomputeBefore;
    std::set<const ast::Stmt*> recomputed;
    // The primal values the reverse sweep reads, updated: recomputed variables are no longer
    // read back from a tape, the variables of their definitions are.
    std::set<std::string> reads;
};

// `reads`: the variables the reverse sweep reads (ReverseDiffer::reads_); `written`: every
// variable the body writes (assignments, declarations with a value, Out arguments);
// `locals`: the scalar locals of the body. `recompute` false: inverse steps only.
RestorePlan planRestores(const ast::Function& primal, std::set<std::string> reads,
                         const std::set<std::string>& written, const std::set<std::string>& locals,
                         bool recompute);

}  // namespace lomaw::ad
