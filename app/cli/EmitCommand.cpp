// lomaw emit FILE --stage STAGE — docs/language.md §10.2: one program text on stdout, diagnostics
// on stderr, nothing on stdout when there are errors.
#include <iostream>
#include <memory>

#include "Commands.h"
#include "EngineScopes.h"
#include "EngineTapes.h"

namespace lomaw::cli {

Command addEmitCommand(CLI::App& app, const CommonOptions& common) {
    auto file = std::make_shared<std::string>();
    auto stage = std::make_shared<std::string>();
    auto function = std::make_shared<std::string>();
    auto adjointScopes = std::make_shared<std::vector<std::string>>();
    CLI::App* sub = app.add_subcommand("emit", "Print a generated program text (ast, diff, c, omp, mpi-parent, mpi-child) or the tape report (tape)");
    sub->add_option("FILE", *file, "kernel source (.py)")->required();
    // `tape`: what each reverse derivative records per loop iteration (docs/ad.md).
    std::vector<std::string> stages = stageNames();
    stages.push_back("tape");
    sub->add_option("--stage", *stage, "ast | diff | c | omp | mpi-parent | mpi-child | tape")
        ->required()
        ->check(CLI::IsMember(stages));
    sub->add_option("--function", *function,
                    "mpi-parent / mpi-child: the function the programs run (default: the @openMpi one)");
    sub->add_option("--adjoint-scope", *adjointScopes,
                    "diff / c / omp: force the adjoint scope of a parallel loop variable, NAME=shared|atomic|reduction "
                    "(NAME * for every variable; repeatable; unsafe choices are ignored, see docs/omp.md)");
    return {sub, [file, stage, function, adjointScopes, &common]() -> int {
        omp::ScopeOptions scopes;
        for (const std::string& item : *adjointScopes)
            if (std::string error = parseAdjointScope(item, scopes); !error.empty()) {
                printUsageError(error);
                return kUsageError;
            }
        auto source = readSourceFile(*file);
        if (!source) return kUsageError;
        if (*stage == "tape") {
            TapesOutput tapes = analyseTapes(*source);
            printDiagnostics(tapes.diagnostics, *source, /*toStdout=*/false);
            if (!tapes.ok) return kCompileError;
            std::cout << tapes.text << std::flush;
            return kSuccess;
        }
        EmitOptions emitOptions;
        emitOptions.function = *function;
        const Engine engine = makeEngine(common);
        EmitOutput out = scopes.force.empty()
                             ? engine.generate(*source, *stageFromName(*stage), emitOptions)
                             : emitWithAdjointScopes(engine, *source, *stageFromName(*stage), emitOptions, scopes);
        printDiagnostics(out.diagnostics, *source, /*toStdout=*/false);
        if (!out.ok) return hasErrors(out.diagnostics) ? kCompileError : kEnvironmentError;
        std::cout << out.code.text << std::flush;
        return kSuccess;
    }};
}

}  // namespace lomaw::cli
