#include "EngineScopes.h"
#include "EngineViews.h"

#include <exception>

#include "fortran/FortranParser.h"
#include "omp/ScopeAnalysis.h"
#include "syntax/Outcome.h"

namespace lomaw {

namespace {

Diagnostic internalError(const std::exception& e) {
    DiagnosticSink sink;
    reportInternalError(sink, e);
    return sink.raw().front();
}

bool hasErrors(const std::vector<Diagnostic>& ds) {
    for (const Diagnostic& d : ds)
        if (d.severity == Severity::Error) return true;
    return false;
}

}  // namespace

bool isFortranPath(const std::string& path) {
    for (const char* ext : {".f90", ".F90", ".f", ".F", ".f95", ".F95", ".f03", ".F03", ".f08", ".F08", ".for", ".FOR",
                            ".ftn", ".f77", ".F77"}) {
        const std::string e(ext);
        if (path.size() > e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

// `engine` is not needed by the analysis (kept for callers: the facade's sections take one).
ScopesOutput analyseScopes(const Engine& /*engine*/, const SourceFile& file, const omp::ScopeOptions& options) {
    ScopesOutput out;
    try {
        if (isFortranPath(file.path)) {
            DiagnosticSink diags;
            const fortran::Unit unit = fortran::parseUnit(file.text, diags, fortran::formOf(file.path));
            if (!diags.hasErrors()) out.loops = fortran::analyse(unit, options);
            for (const ast::Function* f : unit.module.functions()) out.procedures.emplace_back(f->name, f->loc.line);
            out.diagnostics = diags.sorted();
        } else {
            const CompiledKernel kernel = compileKernel(file);
            out.diagnostics = kernel.diagnostics;
            if (kernel.ok) out.loops = omp::analyseModule(kernel.module, options);
        }
    } catch (const std::exception& e) {
        out.loops.clear();
        out.diagnostics.push_back(internalError(e));
    }
    out.ok = !hasErrors(out.diagnostics);
    if (!out.ok) {
        out.loops.clear();
        out.procedures.clear();
    }
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
    return compileOutput(compileKernel(file, options));
}

EmitOutput emitWithAdjointScopes(const Engine& engine, const SourceFile& file, Stage stage,
                                 const EmitOptions& emitOptions, const omp::ScopeOptions& options) {
    if (stage != Stage::Diff && stage != Stage::C && stage != Stage::Omp) return engine.generate(file, stage, emitOptions);
    return generateView(compileKernel(file, options), stage, emitOptions);
}

}  // namespace lomaw
