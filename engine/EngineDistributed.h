// Facade section for distributed runs on Open MPI (engine/dist): batched evaluation of one
// function on many input sets, and gradient descent with persistent workers. The caller never
// initialises MPI: each run builds (cached) and launches generated programs under mpirun.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "Engine.h"

namespace lomaw {

struct DistributedSetup {
    int workers = 2;
    std::string launch = "spawn";            // "spawn" (MPI_Comm_spawn) or "spmd" (driver = rank 0)
    std::string hostfile;                    // "" : this machine, or the batch scheduler's allocation
    std::string preload = "auto";            // copy the worker to other hosts (dist/WorkerCopy.h): auto | yes | no
    std::vector<std::string> mpirunArgs;     // extra mpirun arguments
    double timeoutSeconds = 0;               // 0 : none
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(long long done, long long total)> onProgress;  // sets (batch) / steps (optimize)
    std::string mpicc;                       // "" : $LOMAW_MPICC, then mpicc
    std::string mpirun;                      // "" : $LOMAW_MPIRUN, then mpirun
};

struct RankTimings {
    int rank = 0;             // 0: the driver (on the launching machine)
    std::string host;
    double compute = 0;       // seconds this rank spent in the kernel function
    long long items = 0;      // input sets (batch) or data points (optimize) it computed
};

struct DistributedTimings {
    double build = 0, launch = 0, distribute = 0, compute = 0, collect = 0, total = 0;  // seconds
    std::vector<RankTimings> ranks;  // every rank, in rank order (empty when the job failed)
};

// The outcome of the job (syntax/Outcome.h) as engine/dist reported it, plus what the facade adds.
struct DistributedStatus : Outcome {
    using Kind = OutcomeKind;
    std::vector<Diagnostic> diagnostics;
    DistributedTimings timings;
};

struct BatchOptions {
    std::string function;
    std::string batchJson = "[]";            // a JSON list of `lomaw run --args` lists
    std::optional<int> threads;              // @simd functions
    bool checkBounds = false;                // --check-bounds (docs/language.md §10.6)
    DistributedSetup setup;
    // When set, each result goes here, in input order, instead of into DistributedOutput::results
    // (a huge batch need not hold every result text at once).
    std::function<void(const std::string& resultJson)> onResult;
};

struct DistributedOutput {
    DistributedStatus status;
    std::vector<std::string> results;        // per input set, exactly as `lomaw run` prints it
};

DistributedOutput runBatch(const Engine& engine, const SourceFile& file, const BatchOptions& options);

struct OptimizeOptions {
    std::string function;                    // f(params, data..., grad) -> float (docs/mpi.md)
    std::string initialJson = "[]";          // initial parameters
    std::string dataJson = "[]";             // one list per data array parameter
    long long steps = 100;
    std::string method = "plain";            // plain | momentum | adam
    double learningRate = 0.01, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, tolerance = 0;
    bool average = false;
    bool checkBounds = false;                // --check-bounds (docs/language.md §10.6)
    DistributedSetup setup;
};

struct OptimizeStep {
    long long step = 0;
    double loss = 0;
    double gradientNorm = 0;
    std::vector<float> params;
};

struct OptimizeOutput {
    DistributedStatus status;
    std::vector<OptimizeStep> trajectory;
    std::string csv() const;
    std::string json() const;
    std::string lastStepJson() const;  // the final step's object, "null" for an empty trajectory
};

OptimizeOutput optimize(const Engine& engine, const SourceFile& file, const OptimizeOptions& options);

// The timings as a JSON object {"build": s, "launch": s, ..., "ranks": [...], "hosts": [...]}
// (docs/mpi.md, "Timings").
std::string timingsJson(const DistributedTimings& t);

}  // namespace lomaw
