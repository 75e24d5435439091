// lomaw check FILE — docs/language.md §10.1: every diagnostic on stdout, exit 0 or 1.
#include <memory>

#include "Commands.h"

namespace lomaw::cli {

Command addCheckCommand(CLI::App& app, const CommonOptions& common) {
    auto file = std::make_shared<std::string>();
    CLI::App* sub = app.add_subcommand("check", "Parse and type-check a kernel file; print every diagnostic");
    sub->add_option("FILE", *file, "kernel source (.py)")->required();
    return {sub, [file, &common]() -> int {
        auto source = readSourceFile(*file);
        if (!source) return kUsageError;
        CompileOutput out = makeEngine(common).check(*source);
        printDiagnostics(out.diagnostics, *source, /*toStdout=*/true);
        return out.ok ? kSuccess : kCompileError;
    }};
}

}  // namespace lomaw::cli
