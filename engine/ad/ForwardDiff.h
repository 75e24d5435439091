// Forward mode (docs/language.md §6.2): fills the body of `out`, whose signature
// (sema::derivativeSignature) is already set, from the typed primal.
#pragma once

#include "ad/AdContext.h"

namespace lomaw::ad {

void forwardBody(AdContext& ctx, const ast::Function& primal, ast::Function& out);

}  // namespace lomaw::ad
