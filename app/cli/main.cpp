// lomaw — the lomaworks command line. Subcommands live in their own files (Commands.h).
#include <exception>
#include <iostream>

#include "Commands.h"
#include "runtime/ChildGroups.h"

int main(int argc, char** argv) {
    using namespace lomaw::cli;
    // SIGINT/SIGTERM/SIGHUP stop every child this run started (compiler, mpirun and its job) and
    // remove their temporary files before lomaw dies of the signal (runtime/ChildGroups.h).
    lomaw::runtime::installStopHandlers();
    CLI::App app{"lomaw: differentiable kernels in the loma language - check, emit, run"};
    app.set_version_flag("--version", std::string("lomaw 0.1.0"));
    app.require_subcommand(1);
    CommonOptions common;
    app.add_option("--cc", common.compiler, "C compiler (default: $LOMAW_CC, then cc)");
    app.add_option("--cache-dir", common.cacheDir,
                   "build cache (default: $LOMAW_CACHE_DIR, then ~/.cache/lomaw)");

    const std::vector<Command> commands = {
        addCheckCommand(app, common),
        addEmitCommand(app, common),
        addRunCommand(app, common),
        addGradcheckCommand(app, common),
        addMpiRunCommand(app, common),
        addOptimizeCommand(app, common),
        addDescendCommand(app, common),
        addScopesCommand(app, common),
        addExplainCommand(app, common),
    };

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        // Every malformed command line is exit 2 (docs/language.md §10), whatever CLI11's own code.
        printUsageError(e.what());
        std::cerr << "Run 'lomaw --help' for usage.\n";
        return kUsageError;
    }
    // Nothing may end lomaw with an uncaught exception (an abort): running out of memory is a
    // clean exit 4 like any other broken environment, anything else an internal error.
    try {
        for (const Command& command : commands)
            if (command.sub->parsed()) return command.run();
    } catch (const std::exception& e) {
        return reportOutcome(lomaw::exceptionOutcome(e));
    }
    return kUsageError;
}
