// The type of an erroneous expression. Every check silently accepts it, so one mistake gives
// one diagnostic and no follow-up errors (docs/language.md §8: "without cascades").
#pragma once

#include "syntax/Type.h"

namespace lomaw::sema {

const TypePtr& errorType();
inline bool isError(const TypePtr& t) { return !t || t == errorType(); }

}  // namespace lomaw::sema
