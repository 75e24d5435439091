// How kernel names become C names: one scheme for the C unit, the call harness, the MPI
// programs and every other consumer, so that nothing a kernel may legally be called can collide
// with a name of C, of the headers, of the backend or of the harness, and ordinary names stay
// as written (readable `emit --stage c`).
//
// 1. Names the backend and the harness invent all start with "_lw" or "_lomaw":
//      _lw_runtime_error, _lw_div_int, _lw_bound, _lw_bound_at, _lw_bounds_... and _lw_extent...
//      (--check-bounds, CBoundsChecks.h), _lw_thread_<f> (per-thread body of @simd f),
//      _lw_t<N>, _lw_start<N>, _lw_stop<N>, _lw_k..., _lw_red<N>, _lw_tid, _lw_keep_... (locals),
//      _lwmpi_... (MPI programs), _lomaw_call_<f>, _lomaw_sizeof_<S>, _lomaw_alignof_<S>,
//      _lomaw_exit, _lomaw_args, _lomaw_ret (call harness), and _n_threads (the trailing
//      thread-count parameter of @simd functions).
//    Backend locals never end with '_'; no invented name starts with "_lw_u_".
//
// 2. Functions and structs (file scope; they share loma's namespace): cFileScopeName(name) is
//    the C symbol, used for definitions, calls, types and by every consumer (harness, MPI,
//    gradcheck through the harness). A name is kept unless it is reserved at file scope:
//      a C keyword; `main`; a name the headers of generated programs declare or define
//      (CHeaderNames.h: printf, malloc, exit, FILE, size_t, stdin, NULL, INFINITY, MPI_...);
//      a name C reserves for the implementation ("_X...", "__..."); or a name starting with
//      "_lw" or "_lomaw" (the namespace of 1).
//    A reserved name gets the prefix "_lw_u_": printf -> _lw_u_printf, _lw_x -> _lw_u__lw_x,
//    __x -> _lw_u___x. Injective: kept names never start with "_lw", prefixed ones always start
//    with "_lw_u_", and no name of 1 does.
//
// 3. Variables (locals, parameters). The *stem* of a name is the name without its trailing
//    underscores ("int__" -> "int").
//    a) A variable whose stem C reserves for the implementation ("_X...", "__...") or starts
//       with "_lw"/"_lomaw" (the namespace of 1) gets "_lw_v" before and '_' after: __x ->
//       _lw_v__x_, _lw_t1 -> _lw_v_lw_t1_. More underscores alone would leave it in its
//       reserved space (a header may define _WCHAR_T_DEFINED_ as a macro).
//    b) Otherwise all variables of one stem get the same number k of extra '_' (so no two
//       variables meet, whatever their underscores):
//         k >= 1 if the stem is reserved for variables: C keywords, object-like macros of the
//           headers, "_n_threads", and the library names generated bodies use (sinf ...
//           memcpy, free, realloc, size_t);
//         k >= 1 + (the most trailing underscores of a file-scope C name of the unit with this
//           stem), if there is one, so that a variable never hides a function or struct of
//           the unit (a variable may share a function's name in loma).
//       Otherwise k = 0. So: int -> int_, int_ -> int__, sinf -> sinf_, Foo -> Foo_ (struct
//       Foo), f_ -> f__ (function f_).
//    Injective: names of a) start with "_lw_v", names of b) never start with "_lw". Backend
//    locals (1) start with "_lw" but never with "_lw_v" and never end with '_'.
//
// 4. Members live in their struct's own namespace: 3 a), else one '_' more when their stem is
//    a C keyword or an object-like header macro.
#pragma once

#include <map>
#include <set>
#include <string>

#include "codegen/CHeaderNames.h"
#include "syntax/Type.h"

namespace lomaw::ast {
struct Module;
}

namespace lomaw::codegen {

// The prefix of renamed file-scope names (2) and of variables and members in reserved spaces (3).
inline constexpr const char* kRenamedFileScopePrefix = "_lw_u_";
inline constexpr const char* kRenamedVariablePrefix = "_lw_v";

// True when `name` cannot be a C function or struct name as written (2).
bool isReservedFileScopeName(const std::string& name);
// The C symbol of a module function or the C type name of a module struct (2).
std::string cFileScopeName(const std::string& name);
inline std::string cFunctionSymbol(const std::string& function) { return cFileScopeName(function); }
inline std::string cStructName(const std::string& structName) { return cFileScopeName(structName); }

// Variables without a unit (3 with no file-scope names), members (4).
std::string cVariableName(const std::string& name);
std::string cMemberName(const std::string& name);
// True when `stem` is reserved for variables/members independently of the module (3, 4).
bool isReservedVariableStem(const std::string& stem);
bool isReservedMemberStem(const std::string& stem);

// The C spelling of a parameter of type t (`float*` for arrays, `S*` for Out structs, ...).
std::string cParamType(const Type& t, bool isOut);
// The C type of a scalar/struct value (`int`, `float`, `S`); arrays are not values.
std::string cValueType(const Type& t);

// The file-scope names of one translation unit and the variable renaming they imply (3).
class CUnitNames {
public:
    explicit CUnitNames(const ast::Module& m);

    std::string variable(const std::string& kernelName) const;
    const std::string& runtimeErrorHelper() const { return runtimeError_; }
    const std::string& intDivisionHelper() const { return intDivision_; }
    const std::string& boundsCheckHelper() const { return boundsCheck_; }
    const std::string& boundsLookupHelper() const { return boundsLookup_; }
    std::string simdThreadBody(const std::string& function) const;

private:
    void addFileScope(const std::string& cName);

    std::map<std::string, size_t> fileScopeStems_;  // stem -> most trailing '_' of such a C name
    std::string runtimeError_ = "_lw_runtime_error";
    std::string intDivision_ = "_lw_div_int";
    std::string boundsCheck_ = "_lw_bound";
    std::string boundsLookup_ = "_lw_bound_at";
};

}  // namespace lomaw::codegen
