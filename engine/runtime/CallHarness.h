// C code appended to a module's C text so that any kernel function can be called from C++
// without knowing its signature at compile time:
//
//   void _lomaw_call_f(void** _lomaw_args, void* _lomaw_ret);   // one per function f
//   long _lomaw_sizeof_S(void);                   // one per struct S the signatures use
//   long _lomaw_alignof_S(void);
//
// _lomaw_args[i] points to the storage of parameter i laid out by ArgumentMemory: the value for
// In scalars/structs, the location for Out scalars/structs, the pointer variable for arrays; for
// a @simd function _lomaw_args[n] points to the int thread count. The result is stored into
// *_lomaw_ret. f and S above are the loma names; the wrappers call and measure the C names of
// codegen::cFileScopeName (CNames.h), and every harness name starts with "_lomaw", which no kept
// kernel name does, so the harness can neither collide with nor hide a kernel function.
#pragma once

#include <string>
#include <vector>

#include "runtime/Signature.h"

namespace lomaw::runtime {

std::string callSymbol(const std::string& function);
std::string sizeofSymbol(const std::string& structName);
std::string alignofSymbol(const std::string& structName);

// C spellings of §7: `int`, `float`, `S`; parameters `float*` (Out), `float**` (array of arrays).
std::string cValueTypeName(const Type& t);
std::string cParameterTypeName(const Type& t, bool isOut);

// The harness for `signatures` and `structNames` (which must be defined by the module's C text).
std::string generateCallHarness(const std::vector<Signature>& signatures,
                                const std::vector<std::string>& structNames);

// Flags the harness needs: `exit` in generated code becomes `_lomaw_exit`, defined by the
// harness to flush and _Exit, so a runtime error in the child process never runs the caller's
// atexit handlers and static destructors (which the forked child shares).
std::vector<std::string> harnessCompileFlags();

}  // namespace lomaw::runtime
