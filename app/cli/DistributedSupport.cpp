#include "DistributedSupport.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace lomaw::cli {

void addMpiJobOptions(CLI::App* sub, MpiJobArgs& a, const std::string& progressHelp) {
    sub->add_option("--workers", a.setup.workers, "number of worker processes")->check(CLI::PositiveNumber);
    sub->add_option("--launch", a.setup.launch, "spawn (MPI_Comm_spawn) or spmd (driver is rank 0)")
        ->check(CLI::IsMember({"spawn", "spmd"}));
    sub->add_option("--hostfile", a.setup.hostfile, "Open MPI hostfile (many machines)");
    sub->add_option("--mpirun-args", a.mpirunArgs, "extra mpirun arguments (one string, split at spaces)");
    sub->add_option("--timeout", a.setup.timeoutSeconds, "stop the job after this many seconds (0: none)")
        ->check(CLI::NonNegativeNumber);
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
    switch (s.kind) {
        case DistributedStatus::Kind::Ok: return kSuccess;
        case DistributedStatus::Kind::CompileError: return kCompileError;
        case DistributedStatus::Kind::UsageError: printUsageError(s.message); return kUsageError;
        case DistributedStatus::Kind::RuntimeError:
        case DistributedStatus::Kind::TimedOut:
        case DistributedStatus::Kind::Cancelled:
            std::cerr << "lomaw: runtime error: " << s.message << '\n';
            return kRuntimeError;
        case DistributedStatus::Kind::ToolchainError:
        case DistributedStatus::Kind::InternalError: break;
    }
    std::cerr << "lomaw: error: " << s.message << '\n';
    return kEnvironmentError;
}

bool writeFileAtomically(const std::string& path, const std::string& text) {
    std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary);
        out << text;
        if (!out.flush()) return false;
    }
    return std::rename(temp.c_str(), path.c_str()) == 0;
}

bool readWholeFile(const std::string& path, std::string& out) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;  // a directory "opens" with a bogus size
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    std::streamoff size = in.tellg();
    if (size < 0) return false;
    out.assign(static_cast<size_t>(size), '\0');
    in.seekg(0);
    in.read(out.data(), size);
    return static_cast<bool>(in);
}

}  // namespace lomaw::cli
