// A module's C text plus the call harness of every function, built (cached) into a shared
// library, and that library loaded back with its struct layouts checked against the runtime's.
// `lomaw run` (Runner) and `lomaw descend` (DescentRunner) build and load modules this way.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "runtime/BuildCache.h"
#include "runtime/Layout.h"
#include "runtime/NativeModule.h"
#include "runtime/Runner.h"

namespace lomaw::runtime {

struct HarnessLibrary {
    BuildResult built;
    std::vector<std::string> structNames;  // the structs the harness reports sizes of
};

// One harness for every function of the module (so all of them share one cached library), plus
// `extra` signatures that are not functions of the module (the built-in make__dfloat). The
// layouts of the structs used are computed into `layouts`.
HarnessLibrary buildHarnessLibrary(const ast::Module& module, const std::string& cSource,
                                   const std::vector<Signature>& extra, const RunnerOptions& options,
                                   LayoutComputer& layouts);

// Null with `error` set when the library cannot be loaded or a struct's C layout differs from the
// runtime's (marshalling would corrupt memory).
std::unique_ptr<NativeModule> openHarnessLibrary(const HarnessLibrary& library, LayoutComputer& layouts,
                                                 std::string& error);

// The call harness of one function: the marshalled arguments in, the return slot out.
using HarnessEntry = void (*)(void** args, void* ret);

// Loads the library into `lib` (openHarnessLibrary) and finds `function`'s harness entry; null
// with `error` set when either fails.
HarnessEntry loadHarnessEntry(const HarnessLibrary& library, LayoutComputer& layouts, const std::string& function,
                              std::unique_ptr<NativeModule>& lib, std::string& error);

}  // namespace lomaw::runtime
