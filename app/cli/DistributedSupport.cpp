#include "DistributedSupport.h"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "InputFiles.h"
#include "OptionChecks.h"

namespace lomaw::cli {

void addMpiJobOptions(CLI::App* sub, MpiJobArgs& a, const std::string& progressHelp) {
    sub->add_option("--workers", a.setup.workers, "number of worker processes (1 to 4096)")->check(workerCount());
    sub->add_option("--launch", a.setup.launch, "spawn (MPI_Comm_spawn) or spmd (driver is rank 0)")
        ->check(CLI::IsMember({"spawn", "spmd"}));
    sub->add_option("--hostfile", a.setup.hostfile,
                    "Open MPI hostfile (many machines); slots = workers per host, the driver gets its own");
    sub->add_option("--preload", a.setup.preload,
                    "copy the MPI program to the build cache path on the other hosts (mpirun --preload-files, "
                    "docs/mpi.md): yes before every job; auto (default) when a host cannot run it; no never")
        ->check(CLI::IsMember({"auto", "yes", "no"}));
    sub->add_option("--mpirun-args", a.mpirunArgs, "extra mpirun arguments (one string, split at spaces)");
    sub->add_option("--timeout", a.setup.timeoutSeconds,
                    "stop the build and the job after this many seconds each (0: none)")
        ->check(timeoutSeconds());
    sub->add_option("--timings", a.timingsFile, "write the timing breakdown (JSON) to this file");
    sub->add_flag("--progress", a.progress, progressHelp);
}

DistributedSetup jobSetup(const MpiJobArgs& a, std::string (*progressLine)(long long done, long long total)) {
    DistributedSetup setup = a.setup;
    std::istringstream words(a.mpirunArgs);
    for (std::string w; words >> w;) setup.mpirunArgs.push_back(w);
    if (a.progress)
        setup.onProgress = [progressLine](long long done, long long total) {
            std::cerr << "lomaw: " << progressLine(done, total) << '\n';
        };
    return setup;
}

int reportDistributedFailure(const DistributedStatus& s, const SourceFile& source) {
    printDiagnostics(s.diagnostics, source, /*toStdout=*/false);
    return reportOutcome(s);
}

bool writeFileAtomically(const std::string& path, const std::string& text) {
    std::string temp = path + ".tmp";
    bool written = false;
    {
        std::ofstream out(temp, std::ios::binary);
        out << text;
        written = static_cast<bool>(out.flush());
    }
    if (written && std::rename(temp.c_str(), path.c_str()) == 0) return true;
    std::remove(temp.c_str());  // a full disk, or PATH a directory: no PATH.tmp left behind
    return false;
}

bool readWholeFile(const std::string& path, std::string& out) {
    return readLimitedFile(path, kMaxDataBytes, "a JSON input file", out).empty();
}

bool readDataFile(const std::string& path, std::string& out) {
    if (std::string e = readLimitedFile(path, kMaxDataBytes, "a JSON input file", out); !e.empty()) {
        printUsageError(e);
        return false;
    }
    return true;
}

}  // namespace lomaw::cli
