// lomaw emit FILE --stage STAGE — LANGUAGE.md §10.2: one program text on stdout, diagnostics
// on stderr, nothing on stdout when there are errors.
#include <iostream>
#include <memory>

#include "Commands.h"

namespace lomaw::cli {

Command addEmitCommand(CLI::App& app, const CommonOptions& common) {
    auto file = std::make_shared<std::string>();
    auto stage = std::make_shared<std::string>();
    auto function = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("emit", "Print a generated program text (ast, diff, c, omp, mpi-parent, mpi-child)");
    sub->add_option("FILE", *file, "kernel source (.py)")->required();
    sub->add_option("--stage", *stage, "ast | diff | c")
        ->required()
        ->check(CLI::IsMember(stageNames()));
    sub->add_option("--function", *function,
                    "mpi-parent / mpi-child: the function the programs run (default: the @openMpi one)");
    return {sub, [file, stage, function, &common]() -> int {
        auto source = readSourceFile(*file);
        if (!source) return kUsageError;
        EmitOptions emitOptions;
        emitOptions.function = *function;
        EmitOutput out = makeEngine(common).emit(*source, *stageFromName(*stage), emitOptions);
        printDiagnostics(out.diagnostics, *source, /*toStdout=*/false);
        if (!out.ok) return hasErrors(out.diagnostics) ? kCompileError : kEnvironmentError;
        std::cout << out.code.text << std::flush;
        return kSuccess;
    }};
}

}  // namespace lomaw::cli
