#include "EngineViews.h"
#include "EngineStages.h"

#include <atomic>
#include <exception>

#include "ad/Differentiate.h"
#include "codegen/CEmitter.h"
#include "sema/TypeChecker.h"
#include "syntax/Outcome.h"
#include "syntax/Parser.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw {

namespace {

std::atomic<unsigned long long> frontEndRunCount{0};

// The adjoint scopes the analysis decides itself (nothing forced): the tape report is only
// collected for those (ad/Differentiate.h).
bool ownScopes(const omp::ScopeOptions& o) {
    return o.force.empty() && o.reductionMaxElements == omp::ScopeOptions{}.reductionMaxElements;
}

// The comment block above a written parallel loop's directive in `emit --stage omp`.
std::vector<std::string> scopeComment(const omp::LoopScopes& loop) {
    std::vector<std::string> out;
    out.push_back("/* OpenMP scopes of the parallel loop at line " + std::to_string(loop.line) +
                  " (primal; adjoint in the reverse sweep):");
    for (const omp::VariableScope& v : loop.variables) {
        std::string adj = v.adjoint ? "_d_" + v.name + ": " + omp::scopeName(*v.adjoint) : "no adjoint";
        out.push_back(" *   " + v.name + ": " + omp::scopeName(v.primal) + "; " + adj + " -- " + v.why);
    }
    out.push_back(" */");
    return out;
}

// The OpenMP C unit: the C unit with each written parallel loop's scope decisions as a comment
// above its directive. Derivative loops keep the primal's source line but are other tree
// nodes: they get no second copy (adjoint loops carry their own decisions, Pragma::notes).
EmittedText ompUnit(const CompiledKernel& kernel) {
    codegen::CEmitOptions opts;
    opts.sourceName = kernel.file.path;
    for (const omp::ParallelLoop& l : kernel.parallelLoops()) opts.loopComments[l.loop] = scopeComment(l.scopes);
    return codegen::emitC(kernel.module, opts);
}

EmitOutput asWritten(const SourceFile& file) {
    EmitOutput out;
    DiagnosticSink diags;
    try {
        ast::Module module = parseKernel(file.text, diags);
        if (!diags.hasErrors()) out.code = syntax::printModule(module, syntax::PrintMode::AsWritten);
    } catch (const std::exception& e) {
        reportInternalError(diags, e);
    }
    out.diagnostics = diags.sorted();
    out.ok = !diags.hasErrors();
    if (!out.ok) out.code = {};
    return out;
}

}  // namespace

ast::Module parseKernel(const std::string& text, DiagnosticSink& diags) {
    ++frontEndRunCount;
    return syntax::parse(text, diags);
}

unsigned long long frontEndRuns() { return frontEndRunCount.load(); }

const std::vector<omp::ParallelLoop>& CompiledKernel::parallelLoops() const {
    if (!loops_) {
        loops_.emplace();
        if (ok) *loops_ = omp::parallelLoops(module, adjointScopes);
    }
    return *loops_;
}

CompiledKernel compileKernel(const SourceFile& file, const omp::ScopeOptions& adjointScopes) {
    CompiledKernel k;
    k.file = file;
    k.adjointScopes = adjointScopes;
    DiagnosticSink diags;
    try {
        k.module = parseKernel(file.text, diags);
        // Always checked, so that one run reports all independent errors (docs/language.md §8): the
        // parser marks the items that had syntax errors (incomplete) and the checker does not
        // report the consequences of what is missing in them.
        if (sema::check(k.module, diags) && !diags.hasErrors()) {
            if (ownScopes(adjointScopes)) ad::differentiate(k.module, diags, k.tapes);
            else ad::differentiate(k.module, diags, adjointScopes);
        }
    } catch (const std::exception& e) {
        reportInternalError(diags, e);
    }
    k.diagnostics = diags.sorted();
    k.ok = !diags.hasErrors();
    return k;
}

CompileOutput compileOutput(CompiledKernel kernel) {
    CompileOutput out;
    out.ok = kernel.ok;
    out.module = std::move(kernel.module);
    out.diagnostics = std::move(kernel.diagnostics);
    return out;
}

EmitOutput generateView(const CompiledKernel& kernel, Stage stage, const EmitOptions& emitOptions) {
    if (stage == Stage::Ast) return asWritten(kernel.file);
    EmitOutput out;
    out.diagnostics = kernel.diagnostics;
    if (!kernel.ok) return out;
    try {
        switch (stage) {
            case Stage::Ast: break;
            case Stage::Diff:
                out.code = syntax::printModule(kernel.module, syntax::PrintMode::Checked);
                break;
            case Stage::C: {
                codegen::CEmitOptions opts;
                opts.sourceName = kernel.file.path;
                out.code = codegen::emitC(kernel.module, opts);
                break;
            }
            case Stage::Omp:
                out.code = ompUnit(kernel);
                break;
            case Stage::MpiParent:
            case Stage::MpiChild:
                return emitMpiStage(kernel.module, kernel.file, stage, emitOptions, std::move(out.diagnostics));
        }
        out.ok = true;
    } catch (const std::exception& e) {
        DiagnosticSink diags;
        reportInternalError(diags, e);
        out.diagnostics.push_back(diags.raw().front());
        out.code = {};
    }
    return out;
}

}  // namespace lomaw
