#include "EngineScopes.h"
#include "EngineStages.h"

#include <exception>

#include "ad/Differentiate.h"
#include "codegen/CEmitter.h"
#include "fortran/FortranParser.h"
#include "omp/ScopeAnalysis.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"
#include "syntax/PrettyPrinter.h"
#include "syntax/FailureText.h"

namespace lomaw {

namespace {

Diagnostic internalError(const std::exception& e) {
    DiagnosticSink sink;
    sink.error({1, 1}, "internal", failureText(e, "internal compiler error: "));
    return sink.raw().front();
}

bool hasErrors(const std::vector<Diagnostic>& ds) {
    for (const Diagnostic& d : ds)
        if (d.severity == Severity::Error) return true;
    return false;
}

// The comment block placed above a parallel loop's pragma in `emit --stage omp`.
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

size_t indentOf(const std::string& line) {
    size_t k = 0;
    while (k < line.size() && line[k] == ' ') ++k;
    return k;
}

}  // namespace

EmitOutput emitOmpStage(const ast::Module& checked, const SourceFile& file, std::vector<Diagnostic> diagnostics,
                        const omp::ScopeOptions& options);

bool isFortranPath(const std::string& path) {
    for (const char* ext : {".f90", ".F90", ".f", ".F", ".f95", ".F95", ".f03", ".F03", ".f08", ".F08", ".for", ".FOR",
                            ".ftn", ".f77", ".F77"}) {
        const std::string e(ext);
        if (path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

ScopesOutput analyseScopes(const Engine& engine, const SourceFile& file, const omp::ScopeOptions& options) {
    ScopesOutput out;
    try {
        if (isFortranPath(file.path)) {
            DiagnosticSink diags;
            const fortran::Unit unit = fortran::parseUnit(file.text, diags, fortran::formOf(file.path));
            if (!diags.hasErrors()) out.loops = fortran::analyse(unit, options);
            out.diagnostics = diags.sorted();
        } else {
            CompileOutput compiled = engine.check(file);
            out.diagnostics = std::move(compiled.diagnostics);
            if (compiled.ok) out.loops = omp::analyseModule(compiled.module, options);
        }
    } catch (const std::exception& e) {
        out.loops.clear();
        out.diagnostics.push_back(internalError(e));
    }
    out.ok = !hasErrors(out.diagnostics);
    if (!out.ok) out.loops.clear();
    return out;
}

// The OpenMP C unit with each parallel loop's scope decisions as a comment above its first
// `#pragma omp parallel` (the primal function's loop; derivative loops keep the same source
// line and follow later in the unit).
EmitOutput emitOmpStage(const ast::Module& checked, const SourceFile& file, std::vector<Diagnostic> diagnostics) {
    return emitOmpStage(checked, file, std::move(diagnostics), {});
}

EmitOutput emitOmpStage(const ast::Module& checked, const SourceFile& file, std::vector<Diagnostic> diagnostics,
                        const omp::ScopeOptions& options) {
    EmitOutput out;
    out.diagnostics = std::move(diagnostics);
    codegen::CEmitOptions opts;
    opts.sourceName = file.path;
    EmittedText c = codegen::emitC(checked, opts);
    std::vector<omp::LoopScopes> loops = omp::analyseModule(checked, options);

    std::vector<std::string> lines;
    {
        size_t start = 0;
        while (start < c.text.size()) {
            size_t end = c.text.find('\n', start);
            if (end == std::string::npos) end = c.text.size();
            lines.push_back(c.text.substr(start, end - start));
            start = end + 1;
        }
    }
    std::vector<bool> done(loops.size(), false);
    TextBuilder text;
    for (size_t k = 0; k < lines.size(); ++k) {
        const int src = k < c.sourceLines.size() ? c.sourceLines[k] : 0;
        // The first line of a loop's OpenMP block: an `#ifdef _OPENMP` followed by its pragma.
        const std::string& next = k + 1 < lines.size() ? lines[k + 1] : std::string();
        const bool ifdef = lines[k].rfind("#ifdef _OPENMP", 0) == 0 && next.find("#pragma omp parallel") != std::string::npos;
        const bool pragma = lines[k].find("#pragma omp parallel") != std::string::npos &&
                            (k == 0 || lines[k - 1].rfind("#ifdef _OPENMP", 0) != 0);
        // Adjoint loops carry their own decisions as comments just above (ReverseParallelFor.cpp).
        const bool generated = k > 0 && lines[k - 1].find_first_not_of(' ') != std::string::npos &&
                               lines[k - 1].compare(lines[k - 1].find_first_not_of(' '), 2, "/*") == 0;
        if ((ifdef || pragma) && !generated) {
            const int pragmaSrc = ifdef && k + 1 < c.sourceLines.size() ? c.sourceLines[k + 1] : src;
            for (size_t l = 0; l < loops.size(); ++l) {
                const int pragmaLine = loops[l].line - 1;
                if (done[l] || (pragmaSrc != loops[l].line && pragmaSrc != pragmaLine)) continue;
                done[l] = true;
                const std::string pad(indentOf(ifdef ? next : lines[k]), ' ');
                for (const std::string& cl : scopeComment(loops[l])) text.line(pad + cl, loops[l].line);
                break;
            }
        }
        text.line(lines[k], src);
    }
    out.code = text.take();
    out.ok = true;
    return out;
}

std::string parseAdjointScope(const std::string& item, omp::ScopeOptions& options) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size())
        return "--adjoint-scope expects NAME=SCOPE (SCOPE: shared, atomic or reduction), got '" + item + "'";
    const std::string name = item.substr(0, eq), scope = item.substr(eq + 1);
    if (scope == "shared") options.force[name] = omp::Scope::Shared;
    else if (scope == "atomic") options.force[name] = omp::Scope::Atomic;
    else if (scope == "reduction") options.force[name] = omp::Scope::Reduction;
    else return "--adjoint-scope " + item + ": unknown scope '" + scope + "' (shared, atomic or reduction)";
    return "";
}

CompileOutput checkWithAdjointScopes(const SourceFile& file, const omp::ScopeOptions& options) {
    // As Engine::check, with the forced scopes handed to differentiation.
    DiagnosticSink diags;
    ast::Module module;
    try {
        module = syntax::parse(file.text, diags);
        if (sema::check(module, diags) && !diags.hasErrors()) ad::differentiate(module, diags, options);
    } catch (const std::exception& e) {
        diags.error({1, 1}, "internal", failureText(e, "internal compiler error: "));
    }
    CompileOutput out;
    out.module = std::move(module);
    out.diagnostics = diags.sorted();
    out.ok = !diags.hasErrors();
    return out;
}

EmitOutput emitWithAdjointScopes(const Engine& engine, const SourceFile& file, Stage stage,
                                 const EmitOptions& emitOptions, const omp::ScopeOptions& options) {
    if (stage != Stage::Diff && stage != Stage::C && stage != Stage::Omp) return engine.generate(file, stage, emitOptions);
    EmitOutput out;
    CompileOutput compiled = checkWithAdjointScopes(file, options);
    out.diagnostics = std::move(compiled.diagnostics);
    if (!compiled.ok) return out;
    try {
        if (stage == Stage::Omp) return emitOmpStage(compiled.module, file, std::move(out.diagnostics), options);
        if (stage == Stage::Diff) {
            out.code = syntax::printModule(compiled.module, syntax::PrintMode::Checked);
        } else {
            codegen::CEmitOptions opts;
            opts.sourceName = file.path;
            out.code = codegen::emitC(compiled.module, opts);
        }
        out.ok = true;
    } catch (const std::exception& e) {
        out.diagnostics.push_back(internalError(e));
    }
    return out;
}

}  // namespace lomaw
