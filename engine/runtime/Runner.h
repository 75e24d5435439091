// Runs one function of a typed module once (docs/language.md §10.3): validate --threads and --args
// against the signature -> build the module's C (plus the call harness) into a cached shared
// library -> call it in a child process -> the result JSON.
//
// Nothing is thrown: every failure is an Outcome (syntax/Outcome.h) with a message meant for
// `lomaw: error:` (UsageError, EnvironmentError, InternalError) or `lomaw: runtime error:`
// (RuntimeError).
#pragma once

#include <optional>
#include <string>

#include "runtime/Signature.h"
#include "syntax/Ast.h"
#include "syntax/Outcome.h"

namespace lomaw::runtime {

struct RunnerOptions {
    std::string compiler;  // "" : LOMAW_CC, then `cc` on PATH
    std::string cacheDir;  // "" : LOMAW_CACHE_DIR, $XDG_CACHE_HOME/lomaw, $HOME/.cache/lomaw
    double buildTimeoutSeconds = 0;  // > 0: building the library stops after this long (an EnvironmentError)
};

struct RunRequest {
    const ast::Module* module = nullptr;  // typed
    std::string function;
    std::string argsJson;                 // "" means []
    std::optional<int> threads;           // --threads
    double timeoutSeconds = 0;            // 0: no limit
};

struct RunOutcome : Outcome {
    std::string output;   // Ok: {"return": ..., "args": [...]} without newline
    bool usedCache = false;
};

// `cSource` is the module's C text (codegen::emitC). Other stderr text of the child (anything
// but the `runtime error:` line) is passed through to this process's stderr.
RunOutcome runFunction(const RunRequest& request, const std::string& cSource,
                       const RunnerOptions& options);

// The --threads rules of §10.3 for calling `s`; "" when fine.
std::string checkThreads(const Signature& s, const std::optional<int>& threads);

// "unknown function 'name' (the module defines: f, g; built in: make__dfloat)": names the
// functions the module does have, so a typo is one glance away from its fix.
std::string unknownFunctionMessage(const ast::Module& module, const std::string& name);

}  // namespace lomaw::runtime
