// The arithmetic of k-th order dual numbers, as generated functions (higher-order forward mode).
//
// R_0 = float and R_k = D(R_{k-1}) (_dfloat, _d_dfloat, ...): the type a float has in the k-th
// nested fwd_diff. Each operation on R_k is a small generated function written with the
// operations of R_{k-1}, by the one-level tangent rules of docs/language.md §4, e.g.
//
//   def __lomaw_mul__d_dfloat(a : In[_d_dfloat], b : In[_d_dfloat]) -> _d_dfloat:
//       _r : _d_dfloat
//       _r.val = __lomaw_mul__dfloat(a.val, b.val)
//       _r.dval = __lomaw_add__dfloat(__lomaw_mul__dfloat(a.dval, b.val), __lomaw_mul__dfloat(a.val, b.dval))
//       return _r
//
// so a kernel differentiated k times is the kernel with its operations replaced by calls: its
// size does not depend on k, and the library adds a constant number of small functions per
// level. (Expanding the product rule in place instead multiplies the code by about 3.5 per
// level: 6.5 MB of C for eight levels of a two-line function.) Operations with a constant
// operand (a plain float: a literal, int2float of an int) have their own functions, which
// never multiply by or differentiate the constant: c * x costs 2^k products, not 3^k, and
// pow(x, 2.0) at x < 0 has no log(x) term to turn 0 into NaN.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ad/AdContext.h"
#include "ad/TypedBuild.h"

namespace lomaw::ad {

enum class DualOp {
    Add, Sub, Mul, Div, Neg, Sin, Cos, Exp, Log, Sqrt, Pow,
    // One operand a plain float c:  a + c, a - c, c - a, a * c, a / c, c / a, pow(a, c), pow(c, a).
    AddC, SubC, CSub, MulC, DivC, CDiv, PowC, CPow,
    Const,  // the constant c as an R_k value (zero tangents)
    // sin and cos together, as the two halves of an R_{k+1} (val: sin, dval: cos): each level's
    // pair needs the lower level's pair once, so a k-th derivative calls the C library's sin
    // and cos once each instead of 2^k times. apply(Sin/Cos) uses it.
    SinCos,
};

class DualArithmetic {
public:
    explicit DualArithmetic(AdContext& ctx) : ctx_(ctx) {}

    // R_k (level 0: float).
    static TypePtr ring(int level);
    // The operation at `level` (0: plain float arithmetic). Unary operations and Const take `a`
    // only; the constant operand of the C forms is always passed as `b` (CSub: b - a).
    ExprPtr apply(DualOp op, int level, ExprPtr a, ExprPtr b = nullptr);
    // Adds the helper functions the applied operations call to the module. Until then they
    // are only named, so an attempt that is abandoned leaves nothing behind.
    void commit();

private:
    std::string nameOf(DualOp op, int level) const;
    std::string functionFor(DualOp op, int level);  // generated unless it exists
    ast::Block body(DualOp op, int level);

    AdContext& ctx_;
    std::vector<std::pair<DualOp, int>> pending_;
    bool committed_ = false;
};

}  // namespace lomaw::ad
