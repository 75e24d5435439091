// Reverse mode, the tape plan: which statement records what in the forward sweep, decided from
// the analyses (ReverseFacts.h) before any code is generated. A plain value; the generator
// (ReverseDiffer) materialises a tape (its variables, scalar or heap by the loops around the
// statement) when it reaches a statement the plan names. Only assignments to values the
// reverse sweep reads are taped; other overwrites (e.g. the accumulator of `s = s + x[i]`)
// need nothing.
#pragma once

#include <map>
#include <set>
#include <vector>

#include "ad/ReverseFacts.h"

namespace lomaw::ad {

struct TapePlan {
    std::set<const ast::Stmt*> values;    // assignments and atomic_add: the old value is pushed
    std::set<const ast::Stmt*> inverted;  // assignments undone by their inverse step instead
    std::set<const ast::Stmt*> branches;  // if statements whose decision is pushed
    std::set<const ast::Stmt*> counted;   // while loops whose iterations are counted
    std::set<const ast::Stmt*> bounds;    // for loops whose start / stop are pushed on entry
    // Calls -> the arguments they overwrite whose values are pushed before the call (a
    // static array element by element; the generator reports what cannot be saved).
    std::map<const ast::Stmt*, std::vector<size_t>> outArgs;
};

TapePlan planTapes(AdContext& ctx, const ast::Function& primal, const ReverseFacts& facts);

}  // namespace lomaw::ad
