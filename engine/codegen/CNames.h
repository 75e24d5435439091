// How kernel names become C names. Variables and members whose names are C keywords (or
// would clash with what the backend itself declares) are renamed; function and struct names
// are never renamed (they are the ABI, and the checker rejects reserved ones).
//
// Renaming scheme (stable, injective, never visible in the ABI):
//   * The *stem* of a name is the name without its trailing underscores ("int__" -> "int").
//   * A variable is renamed iff its stem is reserved; it then gets one more trailing '_':
//       int -> int_,  int_ -> int__,  sinf -> sinf_,  _lw_x -> _lw_x_,  Foo -> Foo_ (struct Foo).
//     Names with a non-reserved stem are kept. Since the decision depends only on the stem,
//     no two kernel names map to the same C name, and a renamed name never equals a kept one.
//   * Reserved stems for variables: C keywords (C11, C23, GNU `asm`/`typeof`), object-like
//     macros of the headers the unit includes (INFINITY, NAN, EOF, stderr, NULL, ...), the C
//     library functions the unit calls (sinf ... powf, fprintf, exit, memcpy), identifiers C
//     reserves for the implementation (leading "_X" or "__"), the backend's own names (any stem
//     starting with "_lw_", and "_n_threads"), and the unit's file-scope names: the module's
//     function and struct names (a variable may share a name with a function in loma, but in
//     C it would hide it) and the unit's helper functions.
//   * Members use the same rule with keywords, macros and implementation-reserved identifiers
//     only (members live in their struct's own namespace).
//   * Names the backend invents always start with "_lw_" (or are "_n_threads", the trailing
//     thread-count parameter of @simd functions) and never end with '_', so they cannot
//     capture a kernel name: _lw_t<N> (temporaries), _lw_start<N>/_lw_stop<N> (loop bounds),
//     _lw_k<N> (wide loop counters), _lw_red<N>/_lw_first<N> (pragma clause copies),
//     _lw_tid (thread index of a @simd body). File-scope helpers: _lw_runtime_error,
//     _lw_div_int, _lw_thread_<f> (per-thread body of @simd f); if a module function or struct
//     already has such a name, a number is appended (_lw_div_int1, ...).
#pragma once

#include <map>
#include <set>
#include <string>

#include "syntax/Type.h"

namespace lomaw::ast {
struct Module;
}

namespace lomaw::codegen {

std::string cVariableName(const std::string& name);  // locals, parameters
std::string cMemberName(const std::string& name);    // struct members
// The C spelling of a parameter of type t (`float*` for arrays, `S*` for Out structs, ...).
std::string cParamType(const Type& t, bool isOut);
// The C type of a scalar/struct value (`int`, `float`, `S`); arrays are not values.
std::string cValueType(const Type& t);

// --- additions (codegen) ---

// Variable renaming with the module's file-scope names (functions, structs, unit helpers)
// also reserved; cVariableName(name) is this with an empty set.
std::string cVariableName(const std::string& name, const std::set<std::string>& fileScopeNames);
// True when `stem` is reserved for variables/members independently of the module.
bool isReservedVariableStem(const std::string& stem);
bool isReservedMemberStem(const std::string& stem);

// The file-scope names of one translation unit: module functions and structs, and the
// helper names chosen so that they do not collide with them.
class CUnitNames {
public:
    explicit CUnitNames(const ast::Module& m);

    std::string variable(const std::string& kernelName) const;
    const std::string& runtimeErrorHelper() const { return runtimeError_; }
    const std::string& intDivisionHelper() const { return intDivision_; }
    std::string simdThreadBody(const std::string& function) const;

private:
    std::string pick(const std::string& base) const;

    std::set<std::string> moduleNames_;  // functions + structs of the module
    std::set<std::string> fileScope_;    // moduleNames_ + helpers
    std::string runtimeError_;
    std::string intDivision_;
    std::map<std::string, std::string> simdBodies_;  // simd function -> thread body name
};

}  // namespace lomaw::codegen

namespace lomaw::codegen {

// True when the C headers the unit includes (<math.h>, <stdio.h>, <stdlib.h>, <string.h>)
// may declare `name` (ISO C names plus common POSIX/GNU ones). A module function or struct
// with such a name is legal in loma; the unit then hides the header's declaration with
// `#define name _lw_hidden_name` around the includes, since the ABI name cannot change.
bool isCHeaderName(const std::string& name);

}  // namespace lomaw::codegen
