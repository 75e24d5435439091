// Reverse mode (docs/language.md §6.3-§6.6, §9.1): fills the body of `out`, whose signature
// (sema::derivativeSignature) is already set, from the typed primal: a forward sweep that
// replays the primal and records what the reverse sweep needs, then the reverse sweep.
#pragma once

#include "ad/AdContext.h"

namespace lomaw::ad {

void reverseBody(AdContext& ctx, const ast::Function& primal, ast::Function& out);

}  // namespace lomaw::ad
