// lomaw optimize FILE LOSS_GRAD_FUNC --init P.json --data D.json --steps K [--method plain|momentum|adam]
//                [--lr R] --workers N [--trajectory T.csv|T.json]: gradient descent with the data set
// sharded over persistent MPI workers; prints the final step as JSON (docs/mpi.md).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "Commands.h"
#include "DistributedSupport.h"
#include "OptimizeInputs.h"
#include "OptionChecks.h"

namespace lomaw::cli {

namespace {

struct OptimizeArgs {
    std::string file, function, init, initFile, dataFile, trajectoryFile, method = "plain";
    long long steps = 100;
    double lr = 0.01, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, tolerance = 0;
    bool average = false;
    bool checkBounds = false;
    MpiJobArgs job;
};

// "descent diverged at step k (loss inf)" when the last step has a non-finite loss or parameter.
std::optional<std::string> divergence(const OptimizeOutput& out) {
    if (out.trajectory.empty()) return std::nullopt;
    const OptimizeStep& last = out.trajectory.back();
    bool finite = std::isfinite(last.loss);
    for (float p : last.params) finite = finite && std::isfinite(p);
    if (finite) return std::nullopt;
    std::string loss = std::isnan(last.loss) ? "nan" : std::isinf(last.loss) ? (last.loss > 0 ? "inf" : "-inf") : "";
    if (loss.empty()) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.9g", last.loss);
        loss = buf;
    }
    return "descent diverged at step " + std::to_string(last.step) + " (loss " + loss + ")";
}

std::string stepsDone(long long done, long long total) {
    return "step " + std::to_string(done) + " / " + std::to_string(total);
}

}  // namespace

Command addOptimizeCommand(CLI::App& app, const CommonOptions& common) {
    auto a = std::make_shared<OptimizeArgs>();
    CLI::App* sub = app.add_subcommand("optimize", "Gradient descent with a loss-gradient function over MPI workers");
    sub->add_option("FILE", a->file, "kernel source (.py)")->required();
    sub->add_option("FUNC", a->function, "f(params : In[Array[float]], data..., grad : Out[Array[float]]) -> float")
        ->required();
    sub->add_option("--init", a->init, "initial parameters, a JSON list of floats: at least as many as FUNC indexes with a constant "
                    "(p[1]: 2); an index FUNC computes is checked only with --check-bounds");
    sub->add_option("--init-file", a->initFile, "file holding the initial parameters (JSON)");
    sub->add_option("--data", a->dataFile, "JSON file: one list per data array parameter");
    sub->add_option("--steps", a->steps, "number of descent steps")->check(wholeNumber(0));
    sub->add_option("--method", a->method, "plain | momentum | adam")->check(CLI::IsMember({"plain", "momentum", "adam"}));
    sub->add_option("--lr", a->lr, "step size (> 0)")->check(realNumber(RealRange::Positive));
    sub->add_option("--beta1", a->beta1, "momentum / Adam first-moment decay (0 <= B < 1)")
        ->check(realNumber(RealRange::Decay));
    sub->add_option("--beta2", a->beta2, "Adam second-moment decay (0 <= B < 1)")->check(realNumber(RealRange::Decay));
    sub->add_option("--eps", a->eps, "Adam epsilon (> 0)")->check(realNumber(RealRange::Positive));
    sub->add_option("--tolerance", a->tolerance, "stop when the gradient norm is below this (0: never)")
        ->check(realNumber(RealRange::NonNegative));
    sub->add_flag("--average", a->average, "divide loss and gradient by the number of data points");
    sub->add_option("--trajectory", a->trajectoryFile, "write parameters and loss per step (.csv or .json)");
    addMpiJobOptions(sub, a->job, "report steps done on stderr");
    addCheckBoundsFlag(sub, a->checkBounds);
    addOmpThreadsOption(sub);
    return {sub, [a, &common]() -> int {
        auto source = readSourceFile(a->file);
        if (!source) return kUsageError;
        OptimizeOptions o;
        o.function = a->function;
        o.initialJson = a->init;
        if (!a->initFile.empty() && !readDataFile(a->initFile, o.initialJson)) return kUsageError;
        if (!a->dataFile.empty() && !readDataFile(a->dataFile, o.dataJson)) return kUsageError;
        // Inputs that would optimise nothing or index past --init are refused before any MPI job
        // (OptimizeInputs.h); a module with errors goes on to the engine, which reports them.
        if (CompileOutput checked = makeEngine(common).check(*source); checked.ok) {
            std::string error = optimizeInputsError(checked.module, a->function, o.initialJson,
                                                    a->dataFile.empty() ? "" : o.dataJson);
            if (!error.empty()) return reportOutcome(failure(OutcomeKind::UsageError, error));
        }
        o.steps = a->steps;
        o.method = a->method;
        o.learningRate = a->lr;
        o.beta1 = a->beta1;
        o.beta2 = a->beta2;
        o.epsilon = a->eps;
        o.tolerance = a->tolerance;
        o.average = a->average;
        o.checkBounds = a->checkBounds;
        o.setup = jobSetup(a->job, stepsDone);
        OptimizeOutput out = optimize(makeEngine(common), *source, o);
        if (!out.status.ok()) return reportDistributedFailure(out.status, *source);
        printDiagnostics(out.status.diagnostics, *source, /*toStdout=*/false);
        if (!a->trajectoryFile.empty()) {
            bool json = a->trajectoryFile.size() >= 5 && a->trajectoryFile.substr(a->trajectoryFile.size() - 5) == ".json";
            if (!writeFileAtomically(a->trajectoryFile, json ? out.json() : out.csv())) {
                printUsageError("cannot write " + a->trajectoryFile);
                return kUsageError;
            }
        }
        if (!a->job.timingsFile.empty() &&
            !writeFileAtomically(a->job.timingsFile, timingsJson(out.status.timings) + "\n")) {  // as mpirun
            printUsageError("cannot write " + a->job.timingsFile);
            return kUsageError;
        }
        std::cout << out.lastStepJson() << '\n' << std::flush;  // stdout: the last step, one JSON object
        // A loss or parameter that became inf or NaN ended the descent (the driver stops there):
        // exit 3, the trajectory written up to that step (as `lomaw descend`).
        if (std::optional<std::string> diverged = divergence(out))
            return reportOutcome(failure(OutcomeKind::Diverged, *diverged));
        return kSuccess;
    }};
}

}  // namespace lomaw::cli
