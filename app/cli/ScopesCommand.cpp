// lomaw scopes FILE — the OpenMP adjoint scope report as JSON on stdout (docs/omp.md): one
// object per parallel loop. Exit codes as `lomaw check`: 1 with diagnostics (on stdout) when
// the file has errors, 2 when it cannot be read.
#include <iostream>
#include <memory>

#include "Commands.h"
#include "EngineScopes.h"

namespace lomaw::cli {

Command addScopesCommand(CLI::App& app, const CommonOptions& common) {
    auto file = std::make_shared<std::string>();
    auto reduction = std::make_shared<std::vector<std::string>>();
    auto atomic = std::make_shared<std::vector<std::string>>();
    auto adjointScopes = std::make_shared<std::vector<std::string>>();
    CLI::App* sub = app.add_subcommand("scopes", "Print the OpenMP scopes of every parallel loop and of its adjoint (JSON)");
    sub->add_option("FILE", *file, "kernel source (.py) or Fortran (.f90 free form, .f fixed form)")->required();
    sub->add_option("--reduction", *reduction, "variables whose adjoint must be a reduction when reads are unsafe");
    sub->add_option("--atomic", *atomic, "variables whose adjoint must be atomic when reads are unsafe");
    sub->add_option("--adjoint-scope", *adjointScopes,
                    "force an adjoint scope, NAME=shared|atomic|reduction (NAME * for every variable; repeatable)");
    return {sub, [file, reduction, atomic, adjointScopes, &common]() -> int {
        omp::ScopeOptions options;
        for (const std::string& item : *adjointScopes)
            if (std::string error = parseAdjointScope(item, options); !error.empty()) {
                printUsageError(error);
                return kUsageError;
            }
        auto source = readSourceFile(*file);
        if (!source) return kUsageError;
        for (const std::string& v : *reduction) options.force[v] = omp::Scope::Reduction;
        for (const std::string& v : *atomic) options.force[v] = omp::Scope::Atomic;
        ScopesOutput out = analyseScopes(makeEngine(common), *source, options);
        printDiagnostics(out.diagnostics, *source, /*toStdout=*/!out.ok);
        if (!out.ok) return kCompileError;
        std::cout << omp::toJson(out.loops) << std::flush;
        return kSuccess;
    }};
}

}  // namespace lomaw::cli
