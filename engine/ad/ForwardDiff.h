// Forward mode (docs/language.md §6.2): fills the body of `out`, whose signature
// (sema::derivativeSignature) is already set, from the typed primal.
#pragma once

#include "ad/AdContext.h"

namespace lomaw::ad {

void forwardBody(AdContext& ctx, const ast::Function& primal, ast::Function& out);

// The `levels`-th fwd_diff of user function `root` (levels >= 2) as root's body over dual
// numbers of that order (ForwardLift.cpp). False, `out` untouched, for a body it does not lift.
bool liftedForwardBody(AdContext& ctx, const ast::Function& root, int levels, ast::Function& out);

}  // namespace lomaw::ad
