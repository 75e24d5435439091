#include "EngineDistributed.h"
#include "EngineStages.h"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <nlohmann/json.hpp>

#include "codegen/MpiParentEmitter.h"
#include "dist/DistJobs.h"

namespace lomaw {

namespace {

// The function the mpi stages emit: the named one, else the first @openMpi function.
const ast::Function* mpiFunction(const ast::Module& m, const std::string& name, std::optional<Message>& error) {
    if (!name.empty()) {
        const ast::Function* f = m.findFunction(name);
        if (f && !f->inlineHelper) return f;  // nested fwd_diff's helpers are internal
        error.emplace(msg::MpiUnknownFunction, name);
        return nullptr;
    }
    for (const ast::Function* f : m.functions())
        if (f->openMpi) return f;
    error.emplace(msg::MpiNoFunction);
    return nullptr;
}

// Compiles the file; false (with the status filled) when it does not check or setup is wrong.
bool prepare(const Engine& engine, const SourceFile& file, const DistributedSetup& setup, CompileOutput& compiled,
             dist::JobOptions& job, DistributedStatus& status) {
    compiled = engine.check(file);
    status.diagnostics = compiled.diagnostics;
    if (!compiled.ok) {
        status.kind = OutcomeKind::CompileError;
        return false;
    }
    if (setup.launch != "spawn" && setup.launch != "spmd") {
        status.outcome() = failure(OutcomeKind::UsageError, "--launch must be spawn or spmd, got '" + setup.launch + "'");
        return false;
    }
    job.tools.mpicc = setup.mpicc;
    job.tools.mpirun = setup.mpirun;
    job.tools.cacheDir = engine.options().cacheDir;
    job.tools.buildTimeoutSeconds = setup.timeoutSeconds;  // --timeout also limits building the programs
    job.workers = setup.workers;
    job.mode = setup.launch == "spmd" ? dist::LaunchMode::Spmd : dist::LaunchMode::Spawn;
    job.hostfile = setup.hostfile;
    if (setup.preload != "auto" && setup.preload != "yes" && setup.preload != "no") {
        status.outcome() = failure(OutcomeKind::UsageError, "--preload must be auto, yes or no, got '" + setup.preload + "'");
        return false;
    }
    job.preload = setup.preload == "yes" ? dist::Preload::Yes : setup.preload == "no" ? dist::Preload::No : dist::Preload::Auto;
    job.extraArgs = setup.mpirunArgs;
    job.timeoutSeconds = setup.timeoutSeconds;
    job.cancel = setup.cancel;
    job.onProgress = setup.onProgress;
    job.sourceName = file.path;
    return true;
}

void fillStatus(const dist::JobStatus& s, DistributedStatus& out) {
    out.outcome() = s;  // the job's outcome, as it is
    out.timings = {s.buildSeconds, s.timings.launch, s.timings.distribute, s.timings.compute, s.timings.collect,
                   s.timings.total, {}};
    for (const dist::RankTiming& r : s.timings.ranks) out.timings.ranks.push_back({r.rank, r.host, r.compute, r.items});
}

}  // namespace

EmitOutput emitMpiStage(const ast::Module& checked, const SourceFile& file, Stage stage, const EmitOptions& options,
                        std::vector<Diagnostic> diagnostics) {
    EmitOutput out;
    out.diagnostics = std::move(diagnostics);
    std::optional<Message> error;
    const ast::Function* f = mpiFunction(checked, options.function, error);
    if (!f) {
        DiagnosticSink sink;
        sink.report({1, 1}, *error);

        out.diagnostics.push_back(sink.raw().front());
        return out;
    }
    codegen::MpiProgramOptions popts;
    popts.sourceName = file.path;
    out.code = stage == Stage::MpiParent ? codegen::emitMpiParent(checked, *f, popts)
                                         : codegen::emitMpiChild(checked, *f, popts);
    out.ok = true;
    return out;
}

DistributedOutput runBatch(const Engine& engine, const SourceFile& file, const BatchOptions& options) {
    DistributedOutput out;
    try {
        CompileOutput compiled;
        dist::JobOptions job;
        if (!prepare(engine, file, options.setup, compiled, job, out.status)) return out;
        job.onResult = options.onResult;
        job.checkBounds = options.checkBounds;
        dist::BatchJob batch{options.function, options.batchJson, options.threads};
        dist::BatchResult r = dist::runBatchJob(compiled.module, batch, job);
        fillStatus(r.status, out.status);
        out.results = std::move(r.results);
    } catch (const std::exception& e) {
        out.status.outcome() = exceptionOutcome(e);
    }
    return out;
}

OptimizeOutput optimize(const Engine& engine, const SourceFile& file, const OptimizeOptions& options) {
    OptimizeOutput out;
    try {
        CompileOutput compiled;
        dist::JobOptions job;
        if (!prepare(engine, file, options.setup, compiled, job, out.status)) return out;
        job.checkBounds = options.checkBounds;
        dist::OptimizeJob o;
        o.function = options.function;
        o.initialJson = options.initialJson;
        o.dataJson = options.dataJson;
        o.steps = options.steps;
        if (options.method == "plain") {
            o.method = dist::DescentMethod::Plain;
        } else if (options.method == "momentum") {
            o.method = dist::DescentMethod::Momentum;
        } else if (options.method == "adam") {
            o.method = dist::DescentMethod::Adam;
        } else {
            out.status.outcome() =
                failure(OutcomeKind::UsageError, "--method must be plain, momentum or adam, got '" + options.method + "'");
            return out;
        }
        o.learningRate = options.learningRate;
        o.beta1 = options.beta1;
        o.beta2 = options.beta2;
        o.epsilon = options.epsilon;
        o.tolerance = options.tolerance;
        o.average = options.average;
        dist::OptimizeResult r = dist::runOptimizeJob(compiled.module, o, job);
        fillStatus(r.status, out.status);
        for (dist::TrajectoryPoint& t : r.trajectory)
            out.trajectory.push_back({t.step, t.loss, t.gradientNorm, std::move(t.params)});
    } catch (const std::exception& e) {
        out.status.outcome() = exceptionOutcome(e);
    }
    return out;
}

namespace {
std::vector<dist::TrajectoryPoint> toDist(const std::vector<OptimizeStep>& t) {
    std::vector<dist::TrajectoryPoint> out;
    for (const OptimizeStep& s : t) out.push_back({s.step, s.loss, s.gradientNorm, s.params});
    return out;
}
}  // namespace

std::string OptimizeOutput::csv() const { return dist::trajectoryCsv(toDist(trajectory)); }
std::string OptimizeOutput::json() const { return dist::trajectoryJson(toDist(trajectory)); }
std::string OptimizeOutput::lastStepJson() const {
    return trajectory.empty() ? "null" : dist::trajectoryPointJson(toDist({trajectory.back()}).front());
}

std::string timingsJson(const DistributedTimings& t) {
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "{\"build\": %.6f, \"launch\": %.6f, \"distribute\": %.6f, \"compute\": %.6f, \"collect\": %.6f, "
                  "\"total\": %.6f",
                  t.build, t.launch, t.distribute, t.compute, t.collect, t.total);
    std::string out = buf;
    // Per rank, then per host in order of first appearance (sums over the host's workers).
    nlohmann::json ranks = nlohmann::json::array(), hosts = nlohmann::json::array();
    std::vector<std::string> order;
    for (const RankTimings& r : t.ranks) {
        ranks.push_back({{"rank", r.rank}, {"host", r.host}, {"role", r.rank == 0 ? "driver" : "worker"},
                         {"compute", r.compute}, {"items", r.items}});
        if (r.rank == 0) continue;
        size_t h = 0;
        while (h < order.size() && order[h] != r.host) ++h;
        if (h == order.size()) {
            order.push_back(r.host);
            hosts.push_back({{"host", r.host}, {"workers", 0}, {"compute", 0.0}, {"max_compute", 0.0}, {"items", 0}});
        }
        nlohmann::json& e = hosts[h];
        e["workers"] = e["workers"].get<int>() + 1;
        e["compute"] = e["compute"].get<double>() + r.compute;
        e["max_compute"] = std::max(e["max_compute"].get<double>(), r.compute);
        e["items"] = e["items"].get<long long>() + r.items;
    }
    return out + ", \"ranks\": " + ranks.dump() + ", \"hosts\": " + hosts.dump() + "}";
}

}  // namespace lomaw
