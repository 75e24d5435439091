#include "Engine.h"
#include "EngineStages.h"

#include <exception>

#include "ad/Differentiate.h"
#include "codegen/CEmitter.h"
#include "runtime/Runner.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"
#include "syntax/PrettyPrinter.h"
#include "syntax/FailureText.h"

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

namespace {

// An engine bug must never take the caller down: it becomes a diagnostic (ARCHITECTURE.md,
// "errors"). Only std::exception can reach here; the passes themselves do not throw on user
// input.
void reportInternalError(DiagnosticSink& diags, const std::exception& e) {
    diags.error({1, 1}, "internal", failureText(e, "internal compiler error: "));
}

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
        module = syntax::parse(file.text, diags);
    } catch (const std::exception& e) {
        reportInternalError(diags, e);
    }
    return finish(std::move(module), diags);
}

CompileOutput Engine::check(const SourceFile& file) const {
    DiagnosticSink diags;
    ast::Module module;
    try {
        module = syntax::parse(file.text, diags);
    } catch (const std::exception& e) {
        reportInternalError(diags, e);
        return finish(std::move(module), diags);
    }
    try {
        // Always checked, so that one run reports all independent errors (docs/language.md §8): the
        // parser marks the items that had syntax errors (incomplete) and the checker does not
        // report the consequences of what is missing in them.
        bool ok = sema::check(module, diags) && !diags.hasErrors();
        if (ok) ad::differentiate(module, diags);
    } catch (const std::exception& e) {
        reportInternalError(diags, e);
    }
    return finish(std::move(module), diags);
}

EmitOutput Engine::generate(const SourceFile& file, Stage stage, const EmitOptions& emitOptions) const {
    EmitOutput out;
    CompileOutput compiled = stage == Stage::Ast ? parse(file) : check(file);
    out.diagnostics = std::move(compiled.diagnostics);
    if (!compiled.ok) return out;
    try {
        switch (stage) {
            case Stage::Ast:
                out.code = syntax::printModule(compiled.module, syntax::PrintMode::AsWritten);
                break;
            case Stage::Diff:
                out.code = syntax::printModule(compiled.module, syntax::PrintMode::Checked);
                break;
            case Stage::C: {
                codegen::CEmitOptions opts;
                opts.sourceName = file.path;
                out.code = codegen::emitC(compiled.module, opts);
                break;
            }
            case Stage::Omp:
                return emitOmpStage(compiled.module, file, std::move(out.diagnostics));
            case Stage::MpiParent:
            case Stage::MpiChild:
                return emitMpiStage(compiled.module, file, stage, emitOptions, std::move(out.diagnostics));
        }
        out.ok = true;
    } catch (const std::exception& e) {
        DiagnosticSink diags;
        reportInternalError(diags, e);
        out.diagnostics.push_back(diags.raw().front());
    }
    return out;
}

RunOutput Engine::run(const SourceFile& file, const RunOptions& options) const {
    CompileOutput compiled = check(file);
    if (!compiled.ok) {
        RunOutput out;
        out.diagnostics = compiled.diagnostics;
        out.status = RunOutput::Status::CompileError;
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
        out.status = RunOutput::Status::InternalError;
        out.message = failureText(e, "internal error: ");
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
    runtime::RunOutcome r = runtime::runFunction(request, cSource, ropts);
    out.output = std::move(r.output);
    out.message = std::move(r.message);
    out.usedCache = r.usedCache;
    switch (r.status) {
        case runtime::RunOutcome::Status::Ok: out.status = RunOutput::Status::Ok; break;
        case runtime::RunOutcome::Status::UsageError: out.status = RunOutput::Status::UsageError; break;
        case runtime::RunOutcome::Status::RuntimeError: out.status = RunOutput::Status::RuntimeError; break;
        case runtime::RunOutcome::Status::ToolchainError: out.status = RunOutput::Status::ToolchainError; break;
        case runtime::RunOutcome::Status::InternalError: out.status = RunOutput::Status::InternalError; break;
    }
    return out;
}

}  // namespace lomaw
