// lomaw mpirun FILE FUNC --workers N --batch BATCH.json [--launch spawn|spmd] [--hostfile H]
//              [--timings T.json]: one call per input set on MPI workers; prints a JSON list
// whose elements are exactly what `lomaw run` prints for each set (docs/mpi.md).
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "Commands.h"
#include "EngineDistributed.h"

namespace lomaw::cli {

namespace {

struct MpiRunArgs {
    std::string file, function, batchFile, launch = "spawn", hostfile, timingsFile, mpirunArgs;
    int workers = 2;
    int threads = -1;
    double timeout = 0;
    bool progress = false;
};

}  // namespace

// Shared with `lomaw optimize`: exit code and message of a failed distributed run.
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

// Writes `text` to `path` through a temporary file, so a failed write leaves an older file intact.
bool writeFileAtomically(const std::string& path, const std::string& text) {
    std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary);
        out << text;
        if (!out.flush()) return false;
    }
    return std::rename(temp.c_str(), path.c_str()) == 0;
}

// The whole file into `out` (one read, no intermediate copies); false when it cannot be read.
bool readWholeFile(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    std::streamoff size = in.tellg();
    if (size < 0) return false;
    out.assign(static_cast<size_t>(size), '\0');
    in.seekg(0);
    in.read(out.data(), size);
    return static_cast<bool>(in);
}

std::vector<std::string> splitWords(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

Command addMpiRunCommand(CLI::App& app, const CommonOptions& common) {
    auto a = std::make_shared<MpiRunArgs>();
    CLI::App* sub = app.add_subcommand("mpirun", "Call one function on many input sets over MPI workers");
    sub->add_option("FILE", a->file, "kernel source (.py)")->required();
    sub->add_option("FUNC", a->function, "function to call (any function of the module)")->required();
    sub->add_option("--batch", a->batchFile, "JSON file: a list of argument lists (the --args format)")->required();
    sub->add_option("--workers", a->workers, "number of worker processes")->check(CLI::PositiveNumber);
    sub->add_option("--launch", a->launch, "spawn (MPI_Comm_spawn) or spmd (driver is rank 0)")
        ->check(CLI::IsMember({"spawn", "spmd"}));
    sub->add_option("--hostfile", a->hostfile, "Open MPI hostfile (many machines)");
    sub->add_option("--mpirun-args", a->mpirunArgs, "extra mpirun arguments (one string, split at spaces)");
    CLI::Option* threadsOpt = sub->add_option("--threads", a->threads, "thread count for a @simd function");
    sub->add_option("--timeout", a->timeout, "stop the job after this many seconds (0: none)")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--timings", a->timingsFile, "write the timing breakdown (JSON) to this file");
    sub->add_flag("--progress", a->progress, "report input sets done on stderr");
    addOmpThreadsOption(sub);
    return {sub, [a, threadsOpt, &common]() -> int {
        auto source = readSourceFile(a->file);
        if (!source) return kUsageError;
        BatchOptions options;
        options.function = a->function;
        if (!readWholeFile(a->batchFile, options.batchJson)) {
            printUsageError("cannot read " + a->batchFile);
            return kUsageError;
        }
        if (threadsOpt->count() > 0) options.threads = a->threads;
        options.setup.workers = a->workers;
        options.setup.launch = a->launch;
        options.setup.hostfile = a->hostfile;
        options.setup.mpirunArgs = splitWords(a->mpirunArgs);
        options.setup.timeoutSeconds = a->timeout;
        if (a->progress)
            options.setup.onProgress = [](long long done, long long total) {
                std::cerr << "lomaw: " << done << " / " << total << " input sets done\n";
            };
        // Results are streamed to stdout as they are decoded (a huge batch is never one string),
        // and there are results only when the job succeeded: a failed run prints nothing on stdout.
        std::string json = "[";
        bool first = true;
        options.onResult = [&json, &first](const std::string& result) {
            json += first ? "" : ",\n ";
            json += result;
            first = false;
            if (json.size() >= (1u << 20)) {
                std::cout.write(json.data(), static_cast<std::streamsize>(json.size()));
                json.clear();
            }
        };
        DistributedOutput out = runBatch(makeEngine(common), *source, options);
        if (out.status.kind != DistributedStatus::Kind::Ok) return reportDistributedFailure(out.status, *source);
        printDiagnostics(out.status.diagnostics, *source, /*toStdout=*/false);
        json += "]\n";
        std::cout.write(json.data(), static_cast<std::streamsize>(json.size()));
        std::cout.flush();
        if (!a->timingsFile.empty() && !writeFileAtomically(a->timingsFile, timingsJson(out.status.timings) + "\n")) {
            printUsageError("cannot write " + a->timingsFile);
            return kUsageError;
        }
        return kSuccess;
    }};
}

}  // namespace lomaw::cli
