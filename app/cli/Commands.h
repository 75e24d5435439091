// One function per lomaw subcommand: each registers its options on the CLI11 app and returns
// the callback that runs it (returning the process exit code).
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

#include "CliSupport.h"

namespace lomaw::cli {

struct Command {
    CLI::App* sub;             // parsed() tells whether the user chose it
    std::function<int()> run;  // returns the process exit code
};

Command addCheckCommand(CLI::App& app, const CommonOptions& common);
Command addEmitCommand(CLI::App& app, const CommonOptions& common);
Command addRunCommand(CLI::App& app, const CommonOptions& common);
Command addGradcheckCommand(CLI::App& app, const CommonOptions& common);
Command addMpiRunCommand(CLI::App& app, const CommonOptions& common);
Command addOptimizeCommand(CLI::App& app, const CommonOptions& common);
Command addDescendCommand(CLI::App& app, const CommonOptions& common);
Command addScopesCommand(CLI::App& app, const CommonOptions& common);
Command addExplainCommand(CLI::App& app, const CommonOptions& common);

// Adds --omp-threads N to a subcommand that runs kernels (OmpThreadsOption.cpp).
void addOmpThreadsOption(CLI::App* sub);
// Adds --check-bounds to run, mpirun and descend (CheckBoundsOption.cpp).
void addCheckBoundsFlag(CLI::App* sub, bool& checkBounds);

}  // namespace lomaw::cli
