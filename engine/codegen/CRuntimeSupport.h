// The includes and the small static helpers a unit needs, written only when used.
//
// Runtime errors (§10.4): generated code reports a failure with exactly one line
// "runtime error: MESSAGE" on stderr and exit(3), in one helper (_lw_runtime_error), so the
// contract lives in one place. Integer division goes through _lw_div_int, which truncates
// like C and reports division by zero and -2147483648 / -1 that way.
#pragma once

#include "codegen/CUnitContext.h"

namespace lomaw::codegen {

void emitIncludes(const CUnitContext& unit, CWriter& out);
void emitRuntimeHelpers(const CUnitContext& unit, CWriter& out);

}  // namespace lomaw::codegen
