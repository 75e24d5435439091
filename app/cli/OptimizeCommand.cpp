// lomaw optimize FILE LOSS_GRAD_FUNC --init P.json --data D.json --steps K [--method plain|momentum|adam]
//                [--lr R] --workers N [--trajectory T.csv|T.json]: gradient descent with the data set
// sharded over persistent MPI workers; prints the final step as JSON (docs/mpi.md).
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "Commands.h"
#include "EngineDistributed.h"

namespace lomaw::cli {

int reportDistributedFailure(const DistributedStatus& s, const SourceFile& source);
bool writeFileAtomically(const std::string& path, const std::string& text);
std::vector<std::string> splitWords(const std::string& text);

namespace {

struct OptimizeArgs {
    std::string file, function, init = "[]", initFile, dataFile, trajectoryFile, timingsFile, launch = "spawn",
                                   hostfile, mpirunArgs, method = "plain";
    int workers = 2;
    long long steps = 100;
    double lr = 0.01, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, tolerance = 0, timeout = 0;
    bool average = false, progress = false;
};

bool readText(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream s;
    s << in.rdbuf();
    out = s.str();
    return true;
}

}  // namespace

Command addOptimizeCommand(CLI::App& app, const CommonOptions& common) {
    auto a = std::make_shared<OptimizeArgs>();
    CLI::App* sub = app.add_subcommand("optimize", "Gradient descent with a loss-gradient function over MPI workers");
    sub->add_option("FILE", a->file, "kernel source (.py)")->required();
    sub->add_option("FUNC", a->function, "f(params : In[Array[float]], data..., grad : Out[Array[float]]) -> float")
        ->required();
    sub->add_option("--init", a->init, "initial parameters, a JSON list of floats");
    sub->add_option("--init-file", a->initFile, "file holding the initial parameters (JSON)");
    sub->add_option("--data", a->dataFile, "JSON file: one list per data array parameter");
    sub->add_option("--steps", a->steps, "number of descent steps")->check(CLI::NonNegativeNumber);
    sub->add_option("--method", a->method, "plain | momentum | adam")->check(CLI::IsMember({"plain", "momentum", "adam"}));
    sub->add_option("--lr", a->lr, "step size");
    sub->add_option("--beta1", a->beta1, "momentum / Adam first-moment decay");
    sub->add_option("--beta2", a->beta2, "Adam second-moment decay");
    sub->add_option("--eps", a->eps, "Adam epsilon");
    sub->add_option("--tolerance", a->tolerance, "stop when the gradient norm is below this (0: never)");
    sub->add_flag("--average", a->average, "divide loss and gradient by the number of data points");
    sub->add_option("--workers", a->workers, "number of worker processes")->check(CLI::PositiveNumber);
    sub->add_option("--launch", a->launch, "spawn or spmd")->check(CLI::IsMember({"spawn", "spmd"}));
    sub->add_option("--hostfile", a->hostfile, "Open MPI hostfile");
    sub->add_option("--mpirun-args", a->mpirunArgs, "extra mpirun arguments (one string, split at spaces)");
    sub->add_option("--timeout", a->timeout, "stop the job after this many seconds (0: none)")
        ->check(CLI::NonNegativeNumber);
    sub->add_option("--trajectory", a->trajectoryFile, "write parameters and loss per step (.csv or .json)");
    sub->add_option("--timings", a->timingsFile, "write the timing breakdown (JSON) to this file");
    sub->add_flag("--progress", a->progress, "report steps done on stderr");
    addOmpThreadsOption(sub);
    return {sub, [a, &common]() -> int {
        auto source = readSourceFile(a->file);
        if (!source) return kUsageError;
        OptimizeOptions o;
        o.function = a->function;
        o.initialJson = a->init;
        if (!a->initFile.empty() && !readText(a->initFile, o.initialJson)) {
            printUsageError("cannot read " + a->initFile);
            return kUsageError;
        }
        if (!a->dataFile.empty() && !readText(a->dataFile, o.dataJson)) {
            printUsageError("cannot read " + a->dataFile);
            return kUsageError;
        }
        o.steps = a->steps;
        o.method = a->method;
        o.learningRate = a->lr;
        o.beta1 = a->beta1;
        o.beta2 = a->beta2;
        o.epsilon = a->eps;
        o.tolerance = a->tolerance;
        o.average = a->average;
        o.setup.workers = a->workers;
        o.setup.launch = a->launch;
        o.setup.hostfile = a->hostfile;
        o.setup.mpirunArgs = splitWords(a->mpirunArgs);
        o.setup.timeoutSeconds = a->timeout;
        if (a->progress)
            o.setup.onProgress = [](long long done, long long total) {
                std::cerr << "lomaw: step " << done << " / " << total << "\n";
            };
        OptimizeOutput out = optimize(makeEngine(common), *source, o);
        if (out.status.kind != DistributedStatus::Kind::Ok) return reportDistributedFailure(out.status, *source);
        printDiagnostics(out.status.diagnostics, *source, /*toStdout=*/false);
        if (!a->trajectoryFile.empty()) {
            bool json = a->trajectoryFile.size() >= 5 && a->trajectoryFile.substr(a->trajectoryFile.size() - 5) == ".json";
            if (!writeFileAtomically(a->trajectoryFile, json ? out.json() : out.csv())) {
                printUsageError("cannot write " + a->trajectoryFile);
                return kUsageError;
            }
        }
        if (!a->timingsFile.empty()) writeFileAtomically(a->timingsFile, timingsJson(out.status.timings) + "\n");
        // stdout: the last step, one JSON object.
        std::string last = out.json();
        size_t start = last.rfind("{\"step\"");
        std::cout << (start == std::string::npos ? "null" : last.substr(start, last.size() - start - 2)) << '\n';
        return kSuccess;
    }};
}

}  // namespace lomaw::cli
