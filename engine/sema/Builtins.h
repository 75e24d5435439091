// The built-in names of the kernel language (docs/language.md §1.2, §4): intrinsic functions with
// their signatures and the reserved-name lists. Shared by the checker, AD and the backends so
// that every stage agrees on what a built-in is.
#pragma once

#include <string>
#include <vector>

#include "syntax/Ast.h"

namespace lomaw::sema {

// How a built-in's arguments are checked (§4).
enum class BuiltinKind {
    FloatMath,   // sin cos sqrt exp log pow: scalar arguments converted to float, result float
    IntToFloat,  // int2float: argument MUST be int
    FloatToInt,  // float2int: argument MUST be float
    ThreadId,    // thread_id(): only in @simd functions
    AtomicAdd,   // atomic_add(t, v): statement only, t a float lvalue
    MakeDfloat,  // make__dfloat(val, dval): an ordinary function with In[float] parameters
};

struct BuiltinInfo {
    const char* name;
    BuiltinKind kind;
    int arity;
    const char* signature;  // as docs/language.md §4 states it, for messages and documentation
};

// The intrinsic with this name, or null.
const BuiltinInfo* findBuiltin(const std::string& name);
const std::vector<BuiltinInfo>& builtins();

// `int float In Out Array Diff` and names starting `__lomaw_`: not usable as any name (§1.2).
bool isReservedEverywhere(const std::string& name);
// Intrinsics, fwd_diff, rev_diff, range, simd, openMpi, main, C keywords, C math functions:
// not usable as function or struct names (§1.2). Includes the names reserved everywhere.
bool isReservedFunctionName(const std::string& name);

// make__dfloat as a typed function signature (val : In[float], dval : In[float]) -> _dfloat,
// with an empty body; the built-in is differentiated like an ordinary function (§6.1).
ast::Function makeDfloatSignature();

}  // namespace lomaw::sema
