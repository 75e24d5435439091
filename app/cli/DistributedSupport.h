// What `lomaw mpirun` and `lomaw optimize` share: the MPI job options, result files written so
// that a failed run leaves older ones intact, and the report of a failed run.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "CliSupport.h"
#include "EngineDistributed.h"

namespace lomaw::cli {

struct MpiJobArgs {
    DistributedSetup setup;   // --workers, --launch, --hostfile, --timeout
    std::string mpirunArgs;   // --mpirun-args: one string, split at spaces into setup.mpirunArgs
    std::string timingsFile;  // --timings
    bool progress = false;    // --progress
};

// Registers the options above; `progressHelp` says what --progress counts.
void addMpiJobOptions(CLI::App* sub, MpiJobArgs& args, const std::string& progressHelp);

// The setup to run with: the options, the extra mpirun arguments split, and progress lines
// "lomaw: <progressLine(done, total)>" on stderr when --progress was given.
DistributedSetup jobSetup(const MpiJobArgs& args, std::string (*progressLine)(long long done, long long total));

// Exit code and message of a failed distributed run.
int reportDistributedFailure(const DistributedStatus& s, const SourceFile& source);

// Writes `text` to `path` through a temporary file, so a failed write leaves an older file intact.
bool writeFileAtomically(const std::string& path, const std::string& text);

// A JSON input file (--batch, --init-file, --data: a regular file of at most 1 GiB, InputFiles.h)
// into `out`; false, after printing `lomaw: error: cannot read PATH: reason`, when it cannot be read.
bool readDataFile(const std::string& path, std::string& out);

// The same without the message (the caller prints "cannot read PATH"; prefer readDataFile, whose
// message says why).
bool readWholeFile(const std::string& path, std::string& out);

}  // namespace lomaw::cli
