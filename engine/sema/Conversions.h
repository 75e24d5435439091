// The implicit int <-> float conversions of docs/language.md §2.5, made visible in the tree as
// calls to int2float / float2int marked `implicitConversion`.
#pragma once

#include "syntax/Ast.h"

namespace lomaw::sema {

// Replaces `e` by `fn(e)` typed `type`, at e's position.
void wrapConversion(ast::ExprPtr& e, const char* fn, TypePtr type);

// Makes `e` (already typed) usable where `target` is expected: identical types pass, an int or
// float scalar is converted to the other scalar. Returns false when the types are incompatible
// (arrays, structs, void). Error-typed operands count as compatible (already reported).
bool convertTo(ast::ExprPtr& e, const TypePtr& target);

// A compatible array argument for an array parameter (§3.8): identical, or Array[E, N] for a
// parameter Array[E] when E is not itself an array.
bool arrayArgumentMatches(const Type& param, const Type& arg);

}  // namespace lomaw::sema
