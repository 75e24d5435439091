// The engine facade: the one header the `lomaw` CLI and the lomaworks GUI use.
//
// Every call is a pure function of its inputs (source text + options) except `run`, which builds
// generated C (content-hash cached) and calls it in a child process. User errors come back as
// diagnostics or an Outcome (syntax/Outcome.h), never as exceptions; an engine bug becomes an
// "internal compiler error" diagnostic or an InternalError outcome.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"
#include "syntax/Outcome.h"
#include "syntax/SourceMap.h"

namespace lomaw {

struct SourceFile {
    std::string path;  // as the user gave it: diagnostics print it verbatim
    std::string text;
};

enum class Stage {
    Ast,        // the module re-printed as written
    Diff,       // the checked module with every derivative generated, in kernel syntax
    C,          // the C translation unit (plain)
    Omp,        // the C translation unit built for OpenMP, scope decisions as comments
    MpiParent,  // the MPI parent (driver) program of the run function
    MpiChild,   // the MPI child (worker) program of the run function
};

// Parses "ast", "diff", "c", "omp", "mpi-parent", "mpi-child"; nullopt for anything else.
std::optional<Stage> stageFromName(const std::string& name);
std::vector<std::string> stageNames();

struct CompileOutput {
    bool ok = false;                      // no error diagnostics
    ast::Module module;                   // typed when ok (and stage >= check)
    std::vector<Diagnostic> diagnostics;  // sorted by position
};

struct EmitOutput {
    bool ok = false;
    EmittedText code;                     // empty when !ok
    std::vector<Diagnostic> diagnostics;
};

struct EmitOptions {
    std::string function;                 // mpi-parent / mpi-child: the function to run (default: the @openMpi one)
};

struct RunOptions {
    std::string function;
    std::string argsJson = "[]";
    std::optional<int> threads;           // --threads (required for @simd functions)
    double timeoutSeconds = 0;            // 0: no limit
    // --check-bounds (docs/language.md §10.6): `run` emits the C with every array index checked.
    // (runCompiled runs the C it is given; emit it with codegen::CEmitOptions::checkBounds.)
    bool checkBounds = false;
    // --batch (docs/cli.md): call the function on every argument list of this JSON list, in one
    // child process (runtime/BatchRunner.h); argsJson is then ignored and output is a JSON list.
    std::optional<std::string> batchJson;
};

// Ok: output holds the result JSON. CompileError: diagnostics hold the errors. UsageError:
// unknown function, arguments not matching the signature. RuntimeError: the generated code failed
// (division by zero, crash, ...). EnvironmentError: no C compiler, a build stopped or killed.
// InternalError: an engine bug. The exit code of each is exitCode(kind) (syntax/Outcome.h).
struct RunOutput : Outcome {
    using Status = OutcomeKind;
    std::string output;                   // one JSON object (docs/language.md §10.3), no newline
    std::vector<Diagnostic> diagnostics;
    bool usedCache = false;               // the shared library came from the build cache
};

struct EngineOptions {
    std::string compiler;                 // "" : LOMAW_CC, then `cc`
    std::string cacheDir;                 // "" : LOMAW_CACHE_DIR, then ~/.cache/lomaw
};

// Facade sections for the parallel layers live in their own headers so they grow apart:
//   EngineScopes.h       OpenMP adjoint scope reports (engine/omp, engine/fortran)
//   EngineDistributed.h  MPI batched runs, distributed gradients, optimisation (engine/dist)
class Engine {
public:
    explicit Engine(EngineOptions options = {});

    CompileOutput parse(const SourceFile& file) const;
    CompileOutput check(const SourceFile& file) const;
    // The program text of one stage (`lomaw emit --stage`). Named `generate`, not `emit`: Qt
    // defines `emit` as a macro, and the app includes this header.
    EmitOutput generate(const SourceFile& file, Stage stage, const EmitOptions& emitOptions = {}) const;
    RunOutput run(const SourceFile& file, const RunOptions& options) const;
    // One call of an already checked module and its emitted C: for callers that make many
    // calls of one module (gradcheck), so it is compiled once, not once per call.
    RunOutput runCompiled(const ast::Module& checked, const std::string& cSource, const RunOptions& options) const;

    const EngineOptions& options() const { return options_; }

private:
    EngineOptions options_;
};

}  // namespace lomaw
