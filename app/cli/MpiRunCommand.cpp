// lomaw mpirun FILE FUNC --workers N --batch BATCH.json [--launch spawn|spmd] [--hostfile H]
//              [--timings T.json]: one call per input set on MPI workers; prints a JSON list
// whose elements are exactly what `lomaw run` prints for each set (docs/mpi.md).
#include <iostream>
#include <memory>

#include "Commands.h"
#include "DistributedSupport.h"
#include "OptionChecks.h"

namespace lomaw::cli {

namespace {

struct MpiRunArgs {
    std::string file, function, batchFile;
    int threads = -1;
    bool checkBounds = false;
    MpiJobArgs job;
};

// Whether a --batch file is the empty list `[ ]` (whitespace aside): only its first and last
// characters are looked at, so a big batch costs nothing here.
bool isEmptyList(const std::string& json) {
    size_t first = json.find_first_not_of(" \t\r\n");
    size_t last = json.find_last_not_of(" \t\r\n");
    return first != std::string::npos && json[first] == '[' && json[last] == ']' &&
           json.find_first_not_of(" \t\r\n", first + 1) == last;
}

std::string setsDone(long long done, long long total) {
    return std::to_string(done) + " / " + std::to_string(total) + " input sets done";
}

}  // namespace

Command addMpiRunCommand(CLI::App& app, const CommonOptions& common) {
    auto a = std::make_shared<MpiRunArgs>();
    CLI::App* sub = app.add_subcommand("mpirun", "Call one function on many input sets over MPI workers");
    sub->add_option("FILE", a->file, "kernel source (.py)")->required();
    sub->add_option("FUNC", a->function, "function to call (any function of the module)")->required();
    sub->add_option("--batch", a->batchFile, "JSON file: a list of argument lists (the --args format)")->required();
    CLI::Option* threadsOpt = sub->add_option("--threads", a->threads, "thread count for a @simd function")->check(wholeNumber(0));
    addMpiJobOptions(sub, a->job, "report input sets done on stderr");
    addOmpThreadsOption(sub);
    addCheckBoundsFlag(sub, a->checkBounds);
    return {sub, [a, threadsOpt, &common]() -> int {
        auto source = readSourceFile(a->file);
        if (!source) return kUsageError;
        BatchOptions options;
        options.function = a->function;
        if (!readDataFile(a->batchFile, options.batchJson)) return kUsageError;
        if (threadsOpt->count() > 0) options.threads = a->threads;
        options.checkBounds = a->checkBounds;
        // An empty batch has nothing for MPI to do: it is answered as `lomaw run --batch` answers
        // it (the module, FUNC and --threads checked, `[]` printed), without building or launching a job.
        if (isEmptyList(options.batchJson)) {
            RunOptions run;
            run.function = a->function;
            run.batchJson = options.batchJson;
            run.threads = options.threads;
            run.checkBounds = a->checkBounds;
            RunOutput out = makeEngine(common).run(*source, run);
            printDiagnostics(out.diagnostics, *source, /*toStdout=*/false);
            if (out.ok()) std::cout << out.output << '\n' << std::flush;
            if (out.ok() && !a->job.timingsFile.empty() &&
                !writeFileAtomically(a->job.timingsFile, timingsJson(DistributedTimings{}) + "\n")) {
                printUsageError("cannot write " + a->job.timingsFile);
                return kUsageError;
            }
            return reportOutcome(out);
        }
        options.setup = jobSetup(a->job, setsDone);
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
        if (!out.status.ok()) return reportDistributedFailure(out.status, *source);
        printDiagnostics(out.status.diagnostics, *source, /*toStdout=*/false);
        json += "]\n";
        std::cout.write(json.data(), static_cast<std::streamsize>(json.size()));
        std::cout.flush();
        if (!a->job.timingsFile.empty() && !writeFileAtomically(a->job.timingsFile, timingsJson(out.status.timings) + "\n")) {
            printUsageError("cannot write " + a->job.timingsFile);
            return kUsageError;
        }
        return kSuccess;
    }};
}

}  // namespace lomaw::cli
