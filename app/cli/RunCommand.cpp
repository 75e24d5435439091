// lomaw run FILE FUNC --args JSON [--threads N] [--check-bounds] — docs/language.md §10.3: one JSON object on stdout.
// With --batch B.json instead of --args: every argument list of B in one process, a JSON list out (docs/cli.md).
#include <iostream>
#include <memory>

#include "Commands.h"
#include "DistributedSupport.h"
#include "OptionChecks.h"

namespace lomaw::cli {

namespace {

struct RunArgs {
    std::string file;
    std::string function;
    std::string argsJson = "[]";
    std::string batchFile;
    int threads = -1;
    double timeout = 0;
    bool checkBounds = false;
};

}  // namespace

Command addRunCommand(CLI::App& app, const CommonOptions& common) {
    auto args = std::make_shared<RunArgs>();
    CLI::App* sub = app.add_subcommand("run", "Compile a kernel file and call one function once");
    sub->add_option("FILE", args->file, "kernel source (.py)")->required();
    sub->add_option("FUNC", args->function, "function to call (any function of the module)")->required();
    sub->add_option("--args", args->argsJson, "JSON array with one value per parameter (an array shorter than an index FUNC "
                    "uses is undefined behaviour: see --check-bounds)");
    sub->add_option("--batch", args->batchFile,
                    "JSON file: a list of argument lists, all called in one process; prints a JSON list")
        ->excludes("--args");
    CLI::Option* threadsOpt = sub->add_option("--threads", args->threads,
                                              "thread count for a @simd function (>= 0)")
                                                  ->check(wholeNumber(0));
    sub->add_option("--timeout", args->timeout, "stop the build and the call after this many seconds each (0: none)")
        ->check(timeoutSeconds());
    addOmpThreadsOption(sub);
    addCheckBoundsFlag(sub, args->checkBounds);
    return {sub, [args, threadsOpt, &common]() -> int {
        auto source = readSourceFile(args->file);
        if (!source) return kUsageError;
        RunOptions options;
        options.function = args->function;
        options.argsJson = args->argsJson;
        if (!args->batchFile.empty() && !readDataFile(args->batchFile, options.batchJson.emplace())) return kUsageError;
        if (threadsOpt->count() > 0) options.threads = args->threads;
        options.timeoutSeconds = args->timeout;
        options.checkBounds = args->checkBounds;
        RunOutput out = makeEngine(common).run(*source, options);
        // Diagnostics (warnings included) go to stderr: stdout carries only the result.
        printDiagnostics(out.diagnostics, *source, /*toStdout=*/false);
        if (out.ok()) std::cout << out.output << '\n' << std::flush;
        return reportOutcome(out);
    }};
}

}  // namespace lomaw::cli
