// Distributed jobs on a typed module: a batch of independent calls of one function, and gradient
// descent with a loss-gradient function over a sharded data set (persistent workers). Both emit
// the MPI driver and worker programs, build them with mpicc (cached), write the job file, run
// mpirun (MpiLauncher.h) and read the results file. Nothing is thrown.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "dist/MpiLauncher.h"
#include "dist/MpiToolchain.h"
#include "syntax/Ast.h"

namespace lomaw::dist {

// Copying the MPI program to the same path on the other hosts (dist/WorkerCopy.h), for a build
// cache that is not on a filesystem they share: Yes copies before every job on a hostfile or an
// allocation; Auto copies and launches again when a host could not run it; No never copies (a
// host without the program is an error naming it).
enum class Preload { Auto, Yes, No };

struct JobOptions {
    MpiTools tools;
    int workers = 2;
    LaunchMode mode = LaunchMode::Spawn;
    std::string hostfile;
    Preload preload = Preload::Auto;
    std::vector<std::string> extraArgs;
    double timeoutSeconds = 0;
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(long long done, long long total)> onProgress;
    // Batch jobs: when set, each result (in input order) goes here instead of into
    // BatchResult::results, so a huge batch's results need not all be held at once.
    std::function<void(const std::string& resultJson)> onResult;
    std::string sourceName = "kernel.py";
    bool checkBounds = false;  // --check-bounds (docs/language.md §10.6)
};

struct JobStatus : Outcome {
    using Kind = OutcomeKind;
    JobTimings timings;
    double buildSeconds = 0;
};

struct BatchJob {
    std::string function;
    std::string batchJson;       // [[args of set 0], [args of set 1], ...]
    std::optional<int> threads;  // for a @simd function: every set's thread count
};

struct BatchResult {
    JobStatus status;
    std::vector<std::string> results;  // one `lomaw run` JSON object per input set
};

BatchResult runBatchJob(const ast::Module& module, const BatchJob& job, const JobOptions& options);

enum class DescentMethod { Plain, Momentum, Adam };

struct OptimizeJob {
    std::string function;        // loss-gradient function (codegen::mpiOptimizeContractError)
    std::string initialJson;     // [p0, p1, ...]
    std::string dataJson;        // [array for data parameter 1, array for data parameter 2, ...]
    long long steps = 100;
    DescentMethod method = DescentMethod::Plain;
    double learningRate = 0.01;
    double beta1 = 0.9;          // momentum / Adam first moment
    double beta2 = 0.999;        // Adam second moment
    double epsilon = 1e-8;
    double tolerance = 0;        // stop early when the gradient norm is below (0: never)
    bool average = false;        // divide loss and gradient by the number of data points
};

struct TrajectoryPoint {
    long long step = 0;
    double loss = 0;
    double gradientNorm = 0;
    std::vector<float> params;   // as the kernel saw them at this step
};

struct OptimizeResult {
    JobStatus status;
    std::vector<TrajectoryPoint> trajectory;  // step 0 (initial) ... last step
};

OptimizeResult runOptimizeJob(const ast::Module& module, const OptimizeJob& job, const JobOptions& options);

std::string trajectoryCsv(const std::vector<TrajectoryPoint>& t);
std::string trajectoryJson(const std::vector<TrajectoryPoint>& t);
// One step as `lomaw optimize` prints it: {"step", "loss", "gradient_norm", "params"}.
std::string trajectoryPointJson(const TrajectoryPoint& p);

}  // namespace lomaw::dist
