// Reverse mode: the adjoint accumulations of a stencil held in registers across iterations.
//
// The reverse of a loop reading u[k - 1], u[k], u[k + 1] (a 1-D stencil, or the row of a 2-D
// one) accumulates into _du[k - 1], _du[k], _du[k + 1] in every iteration, so each element is
// read, added to and stored by two or three consecutive iterations, and every read waits for
// the previous iteration's store: a chain through memory that the C compiler keeps, because it
// cannot prove the indices distinct. When the loop's counter moves by one per iteration and the
// array is only ever accumulated into inside the loop, those contributions can wait in locals
// (a window over the offsets): the element the loop leaves behind in an iteration is stored
// once, with everything it received, and the window shifts by one. The sums are the same terms
// added in another order.
//
// Applies to loops of the reverse sweep (not to parallel adjoint loops, whose iterations run in
// no order) where:
// - the counter j is a `for` variable stepping by 1 or -1, or a `while` loop's variable whose
//   first statement is `j = j ± 1` and that nothing else assigns;
// - the array A is mentioned in the loop only by accumulations `A[x] = A[x] + e` (e and x not
//   reading A), so no statement of the loop reads an element the window holds back;
// - the windowed accumulations are statements of the loop body itself (run every iteration) at
//   indices `B + j + c`, c a constant, B the same expression of variables the loop does not
//   assign, with at least two different offsets c within a span of kMaxWindowSpan, two of them
//   closer than kVectorLanes (farther apart, the C compiler vectorizes the loop as it is:
//   `x[i] * x[i + 4]` reverse 0.3 x the primal, against 2.0 with a window).
// Accumulations into A under a condition or at other indices keep going through memory: every
// contribution is an addition, so mixing the two orders is exact in real arithmetic.
#pragma once

#include <functional>
#include <string>

#include "syntax/Ast.h"

namespace lomaw::ad {

class AdContext;

// A generated local of the derivative (declared at the top of the function when used).
using MakeLocal = std::function<ast::ExprPtr(const std::string& base, TypePtr type)>;

inline constexpr long long kMaxWindowSpan = 8;
// Floats per vector at the C compiler's baseline target (x86-64 SSE2, as `lomaw run` builds).
inline constexpr long long kVectorLanes = 4;

// Rewrites the qualifying loops of a reverse sweep in place (nested loops first). `ctx` says
// which arguments the sweep's calls write.
void windowStencilAdjoints(AdContext& ctx, ast::Block& reverseSweep, const MakeLocal& local);

}  // namespace lomaw::ad
