#include "Engine.h"
#include "EngineStages.h"
#include "EngineViews.h"

#include <exception>

#include "codegen/CEmitter.h"
#include "runtime/BatchRunner.h"
#include "runtime/Runner.h"

namespace lomaw {

std::optional<Stage> stageFromName(const std::string& name) {
    if (name == "ast") return Stage::Ast;
    if (name == "diff") return Stage::Diff;
    if (name == "c") return Stage::C;
    if (name == "omp") return Stage::Omp;
    if (name == "mpi-parent") return Stage::MpiParent;
    if (name == "mpi-child") return Stage::MpiChild;
    return std::nullopt;
}

std::vector<std::string> stageNames() { return {"ast", "diff", "c", "omp", "mpi-parent", "mpi-child"}; }

// An engine bug must never take the caller down: it becomes a diagnostic (reportInternalError,
// syntax/Outcome.h). Only std::exception can reach here; the passes do not throw on user input.
namespace {

CompileOutput finish(ast::Module module, const DiagnosticSink& diags) {
    CompileOutput out;
    out.module = std::move(module);
    out.diagnostics = diags.sorted();
    out.ok = !diags.hasErrors();
    return out;
}

}  // namespace

Engine::Engine(EngineOptions options) : options_(std::move(options)) {}

CompileOutput Engine::parse(const SourceFile& file) const {
    DiagnosticSink diags;
    ast::Module module;
    try {
        module = parseKernel(file.text, diags);
    } catch (const std::exception& e) {
        reportInternalError(diags, e);
    }
    return finish(std::move(module), diags);
}

// Both stand on compileKernel (EngineViews.h): one front-end run per call.
CompileOutput Engine::check(const SourceFile& file) const {
    return compileOutput(compileKernel(file));
}

EmitOutput Engine::generate(const SourceFile& file, Stage stage, const EmitOptions& emitOptions) const {
    if (stage == Stage::Ast) {  // the tree as written: parsed, not compiled (generateView)
        CompiledKernel text;
        text.file = file;
        return generateView(text, stage, emitOptions);
    }
    return generateView(compileKernel(file), stage, emitOptions);
}

RunOutput Engine::run(const SourceFile& file, const RunOptions& options) const {
    CompileOutput compiled = check(file);
    if (!compiled.ok) {
        RunOutput out;
        out.diagnostics = compiled.diagnostics;
        out.kind = OutcomeKind::CompileError;
        return out;
    }
    try {
        codegen::CEmitOptions copts;
        copts.sourceName = file.path;
        copts.checkBounds = options.checkBounds;
        RunOutput out = runCompiled(compiled.module, codegen::emitC(compiled.module, copts).text, options);
        out.diagnostics = compiled.diagnostics;
        return out;
    } catch (const std::exception& e) {
        RunOutput out;
        out.diagnostics = compiled.diagnostics;
        out.outcome() = exceptionOutcome(e);
        return out;
    }
}

RunOutput Engine::runCompiled(const ast::Module& checked, const std::string& cSource, const RunOptions& options) const {
    RunOutput out;
    runtime::RunRequest request;
    request.module = &checked;
    request.function = options.function;
    request.argsJson = options.argsJson;
    request.threads = options.threads;
    request.timeoutSeconds = options.timeoutSeconds;
    runtime::RunnerOptions ropts;
    ropts.compiler = options_.compiler;
    ropts.cacheDir = options_.cacheDir;
    runtime::RunOutcome r = options.batchJson ? runtime::runBatch(request, *options.batchJson, cSource, ropts)
                                              : runtime::runFunction(request, cSource, ropts);
    out.outcome() = r;  // the runtime's outcome, as it is
    out.output = std::move(r.output);
    out.usedCache = r.usedCache;
    return out;
}

}  // namespace lomaw
