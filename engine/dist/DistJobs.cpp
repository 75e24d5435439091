#include "dist/DistJobs.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <initializer_list>
#include <memory>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

#include "codegen/MpiChildEmitter.h"
#include "codegen/MpiParentEmitter.h"
#include "dist/BatchEncoder.h"
#include "dist/RecordFormat.h"
#include "dist/WorkerCopy.h"
#include "runtime/BatchArguments.h"
#include "runtime/ChildGroups.h"
#include "runtime/JsonArguments.h"
#include "runtime/JsonResult.h"

namespace lomaw::dist {

namespace {

using Kind = OutcomeKind;
using runtime::Value;

JobStatus fail(Outcome outcome) { return resultWith<JobStatus>(std::move(outcome)); }

JobStatus fail(Kind k, std::string message) { return fail(failure(k, std::move(message))); }

void putU32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
void putU64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }

// A private directory for the job files on the launching machine (only the driver, which runs
// here, reads them), removed with them when the job ends -- also when lomaw is stopped by a
// signal or killed (registered with runtime/ChildGroups). Beside it, in /dev/shm under the same
// name, a directory for the shared-memory segments of the job's processes (LaunchSpec::
// sharedMemoryDirectory), removed the same way.
class JobDirectory {
public:
    JobDirectory() {
        const char* tmp = std::getenv("TMPDIR");
        std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/lomaw-mpi-XXXXXX";
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        if (mkdtemp(buf.data())) path_ = buf.data();
        if (!ok()) return;
        std::string shm = "/dev/shm/" + path_.substr(path_.rfind('/') + 1);
        if (mkdir(shm.c_str(), 0700) == 0) sharedMemory_ = shm;
        std::vector<std::string> paths{path_};
        if (!sharedMemory_.empty()) paths.push_back(sharedMemory_);
        registered_ = std::make_unique<runtime::TemporaryPaths>(paths);
    }
    ~JobDirectory() {
        if (ok()) runtime::removeTree(path_.c_str());
        if (!sharedMemory_.empty()) runtime::removeTree(sharedMemory_.c_str());
    }
    bool ok() const { return !path_.empty(); }
    const std::string& path() const { return path_; }
    const std::string& sharedMemory() const { return sharedMemory_; }  // "" when /dev/shm is not usable
    std::string input() const { return path_ + "/job.bin"; }
    std::string output() const { return path_ + "/results.bin"; }
    std::string hostfile() const { return path_ + "/hosts"; }

private:
    std::string path_;
    std::string sharedMemory_;
    std::unique_ptr<runtime::TemporaryPaths> registered_;
};

// True when the user chose a launcher agent other than ssh (e.g. a test's stand-in): hosts are
// then only resolved, not probed on the ssh port.
bool customLauncherAgent(const std::vector<std::string>& args) {
    for (const std::string& a : args)
        if (a == "plm_rsh_agent" || a == "orte_rsh_agent") return true;
    const char* env = std::getenv("OMPI_MCA_plm_rsh_agent");
    return env && *env;
}

// The pieces back to back, without joining them first (a huge batch's offsets and records).
bool writeFile(const std::string& path, std::initializer_list<std::string_view> pieces) {
    std::ofstream out(path, std::ios::binary);
    for (std::string_view bytes : pieces) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out.flush());
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return "";
    std::string bytes(static_cast<size_t>(in.tellg()), '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return in ? bytes : std::string();
}

std::string unknownFunction(const ast::Module& module, const std::string& name) {
    std::string known;
    for (const ast::Function* f : module.functions()) known += (known.empty() ? "" : ", ") + f->name;
    return "unknown function '" + name + "' (the module defines: " + known + ")";
}

struct Programs {
    std::string driver, worker;
};

// Emits and builds the driver and worker of `f`; a failed status when that is impossible.
// The job's input file in its directory; a status naming the failure when it cannot be written.
std::optional<JobStatus> writeJobFile(const JobDirectory& dir, std::initializer_list<std::string_view> pieces) {
    if (dir.ok() && writeFile(dir.input(), pieces)) return std::nullopt;
    return fail(Kind::EnvironmentError, std::string("cannot write the job file: ") + std::strerror(errno));
}

// True when the user's mpirun arguments or environment let Open MPI place more processes than
// slots, or count slots differently from hostfileWorkerSlots (hardware threads).
bool slotsMayDiffer(const std::vector<std::string>& args) {
    for (const std::string& a : args)
        for (const char* word : {"oversubscribe", "use-hwthread-cpus", "rmaps_base_oversubscribe",
                                 "hwloc_base_use_hwthreads_as_cpus"})
            if (a == word || a == std::string("-") + word || a == std::string("--") + word) return true;
    for (const char* var : {"OMPI_MCA_rmaps_base_oversubscribe", "OMPI_MCA_hwloc_base_use_hwthreads_as_cpus"})
        if (const char* v = std::getenv(var); v && *v) return true;
    return false;
}

// More workers than the hostfile has slots: Open MPI would refuse after starting (spmd: its
// "not enough slots" page, exit 3; spawn: "MPI_ERR_SPAWN: could not spawn processes").
std::optional<JobStatus> checkWorkerSlots(const JobOptions& options) {
    int slots = hostfileWorkerSlots(options.hostfile);
    if (slots < 0 || options.workers <= slots || slotsMayDiffer(options.extraArgs)) return std::nullopt;
    return fail(Kind::UsageError, "--workers " + std::to_string(options.workers) + " is more than the " +
                                      std::to_string(slots) + " worker slot" + (slots == 1 ? "" : "s") + " of hostfile " +
                                      options.hostfile +
                                      " (the driver's slot is added by lomaw): use fewer workers, more slots= in the "
                                      "hostfile, or --mpirun-args --oversubscribe");
}

std::optional<JobStatus> buildPrograms(const ast::Module& module, const ast::Function& f, const JobOptions& options,
                                       Programs& out, double& seconds) {
    auto start = std::chrono::steady_clock::now();
    if (options.workers < 1) return fail(Kind::UsageError, "--workers must be at least 1");
    ToolLookup mpirun = findMpirun(options.tools.mpirun);
    if (mpirun.path.empty()) return fail(Kind::EnvironmentError, mpirun.error);
    if (!options.hostfile.empty()) {
        if (std::string e = checkHostfile(options.hostfile, !customLauncherAgent(options.extraArgs)); !e.empty())
            return fail(Kind::EnvironmentError, e);
        if (std::optional<JobStatus> tooMany = checkWorkerSlots(options)) return tooMany;
    }
    codegen::MpiProgramOptions popts;
    popts.sourceName = options.sourceName;
    popts.checkBounds = options.checkBounds;
    // Driver and worker in one executable: the driver's main renamed, chosen by its first argument
    // (spawn|spmd): one build, and one file to copy to nodes without the cache (WorkerCopy.h).
    std::string program = "#define main _lwdrv_main\n" + codegen::emitMpiParent(module, f, popts).text +
                          "#undef main\n#define LWMPI_WITH_DRIVER 1\n" + codegen::emitMpiChild(module, f, popts).text;
    ProgramBuild built = buildMpiProgram(program, options.tools);
    if (!built.ok()) return fail(built);
    out.driver = built.executable;
    out.worker = built.executable;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::nullopt;
}

JobStatus launch(const Programs& programs, const JobDirectory& dir, const JobOptions& options,
                 std::vector<std::string> driverArgs) {
    LaunchSpec spec;
    spec.mpirun = findMpirun(options.tools.mpirun).path;
    spec.driver = programs.driver;
    spec.worker = programs.worker;
    spec.workers = options.workers;
    spec.mode = options.mode;
    if (!options.hostfile.empty()) {
        std::string error, hosts = launchHostfile(options.hostfile, error);
        if (hosts.empty()) return fail(Kind::UsageError, error);
        if (!writeFile(dir.hostfile(), {hosts})) return fail(Kind::EnvironmentError, "cannot write " + dir.hostfile());
        spec.hostfile = dir.hostfile();
    }
    spec.temporaryPaths = {dir.path()};
    spec.sessionDirectoryBase = dir.path();  // removed with it however the job ends
    if (!dir.sharedMemory().empty()) {
        spec.temporaryPaths.push_back(dir.sharedMemory());  // also when unused: lomaw's SIGKILL
        if (spec.hostfile.empty() && !insideAllocation()) spec.sharedMemoryDirectory = dir.sharedMemory();
    }
    spec.extraArgs = options.extraArgs;
    spec.inputPath = dir.input();
    spec.outputPath = dir.output();
    spec.driverArgs = std::move(driverArgs);
    spec.timeoutSeconds = options.timeoutSeconds;
    spec.cancel = options.cancel;
    spec.onProgress = options.onProgress;
    // Workers on other hosts run the program from the same path as here: found in a build cache
    // those hosts share, or copied there first (WorkerCopy.h).
    const bool otherHosts = !spec.hostfile.empty() || insideAllocation();
    WorkerCopySpec copy{spec.mpirun, spec.worker, spec.hostfile, options.extraArgs, options.timeoutSeconds, options.cancel};
    auto copyFailure = [](const WorkerCopyOutcome& c) {
        return fail(c.cancelled ? Kind::Cancelled : Kind::EnvironmentError, c.message);
    };
    if (otherHosts && options.preload == Preload::Yes)
        if (WorkerCopyOutcome c = copyWorkerToNodes(copy); !c.ok) return copyFailure(c);
    LaunchOutcome o = launchJob(spec);
    // Auto: a host that could not run the program (Open MPI's "could not access or execute" for
    // this path, MpiLauncher.cpp) gets a copy, and the job runs again. Nothing of the failed
    // attempt remains: mpirun stopped before any result was written.
    if (otherHosts && options.preload == Preload::Auto && o.hostCannotRunProgram &&
        o.message.find(" cannot run " + spec.worker + " ") != std::string::npos) {
        WorkerCopyOutcome c = copyWorkerToNodes(copy);
        if (!c.ok) return copyFailure(c);
        std::string nodes;
        for (const std::string& n : c.copiedTo) nodes += (nodes.empty() ? "" : ", ") + n;
        fprintf(stderr, "lomaw: note: copied %s to %s (the build cache is not on a filesystem %s)\n",
                spec.worker.c_str(), nodes.empty() ? "no node" : nodes.c_str(),
                c.copiedTo.size() == 1 ? "that node sees" : "those nodes see");
        o = launchJob(spec);
    }
    JobStatus s = fail(o);  // the launcher's outcome, as it is
    s.timings = o.timings;
    return s;
}

// The reference input path: every set validated exactly as `lomaw run --args` validates its
// list (runtime/BatchArguments.h, shared with `lomaw run --batch`), so its error message names the
// set and the argument. Used when the fast path (BatchEncoder.h) gives up: for invalid sets and
// unusual spellings.
std::optional<JobStatus> encodeBatchReference(const runtime::Signature& sig, const runtime::StructTable& structs,
                                              const std::string& json, EncodedBatch& out) {
    out = EncodedBatch{};
    putU64(out.offsets, 0);
    std::string error = runtime::forEachBatchSet(sig, json, structs, [&](std::vector<Value>&& values) {
        for (size_t p = 0; p < sig.params.size(); ++p) encodeValue(*sig.params[p].type, values[p], structs, out.records);
        putU64(out.offsets, out.records.size());
        ++out.count;
    });
    if (!error.empty()) return fail(Kind::UsageError, error);
    return std::nullopt;
}

std::string threadsError(const runtime::Signature& s, const std::optional<int>& threads) {
    if (s.simd && !threads) return s.name + " is a @simd function: --threads N is required";
    if (!s.simd && threads) return "--threads given, but " + s.name + " is not a @simd function";
    if (threads && *threads < 0) return "--threads must be an integer >= 0";
    return "";
}

BatchResult runBatch(const ast::Module& module, const BatchJob& job, const JobOptions& options) {
    BatchResult out;
    const ast::Function* f = module.findFunction(job.function);
    if (!f) {
        out.status = fail(Kind::UsageError, unknownFunction(module, job.function));
        return out;
    }
    runtime::Signature sig = runtime::signatureOf(*f);
    if (std::string e = threadsError(sig, job.threads); !e.empty()) {
        out.status = fail(Kind::UsageError, e);
        return out;
    }
    runtime::StructTable structs(module);
    EncodedBatch batch;
    if (!encodeBatchFast(sig, structs, job.batchJson, batch))
        if (std::optional<JobStatus> e = encodeBatchReference(sig, structs, job.batchJson, batch)) {
            out.status = *e;
            return out;
        }
    std::string header = "LWBATCH1";
    putU64(header, batch.count);
    putU32(header, static_cast<uint32_t>(job.threads.value_or(0)));
    putU32(header, 0);

    Programs programs;
    double buildSeconds = 0;
    if (auto e = buildPrograms(module, *f, options, programs, buildSeconds)) {
        out.status = *e;
        return out;
    }
    JobDirectory dir;
    if (auto e = writeJobFile(dir, {header, batch.offsets, batch.records})) {
        out.status = *e;
        return out;
    }
    uint64_t setCount = batch.count;
    batch = EncodedBatch{};  // the job file holds it now
    out.status = launch(programs, dir, options, {});
    out.status.buildSeconds = buildSeconds;
    if (out.status.kind != Kind::Ok) return out;

    // Results: "LWRESLT1", count, then one result record per set in input order.
    std::string bytes = readFile(dir.output());
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    uint64_t count = 0;
    if (bytes.size() < 16 || bytes.compare(0, 8, "LWRESLT1") != 0 || (std::memcpy(&count, p + 8, 8), count != setCount)) {
        out.status = fail(internalError("the MPI job wrote no valid results file"));
        return out;
    }
    p += 16;
    if (!options.onResult) out.results.reserve(count);
    std::string text;
    for (uint64_t i = 0; i < count; ++i) {
        text.clear();
        if (!appendResultJson(sig, structs, p, end, text)) {
            out.status = fail(internalError("result " + std::to_string(i) + " is malformed"));
            out.results.clear();
            return out;
        }
        if (options.onResult) {
            options.onResult(text);
        } else {
            out.results.push_back(text);
        }
    }
    return out;
}

// A synthetic signature whose parameters are `types`, so JsonArguments validates any list.
runtime::Signature listSignature(const std::string& name, std::vector<runtime::ParamSignature> params) {
    runtime::Signature s;
    s.name = name;
    s.params = std::move(params);
    s.returnType = Type::voidType();
    return s;
}

std::string number(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

OptimizeResult runOptimize(const ast::Module& module, const OptimizeJob& job, const JobOptions& options) {
    OptimizeResult out;
    const ast::Function* f = module.findFunction(job.function);
    if (!f) {
        out.status = fail(Kind::UsageError, unknownFunction(module, job.function));
        return out;
    }
    if (std::string e = codegen::mpiOptimizeContractError(*f); !e.empty()) {
        out.status = fail(Kind::UsageError, e);
        return out;
    }
    if (job.steps < 0) {
        out.status = fail(Kind::UsageError, "--steps must be >= 0");
        return out;
    }
    runtime::StructTable structs(module);
    runtime::ParsedArguments init = runtime::parseArguments(
        listSignature("--init", {{f->params.front().name, Type::arrayOf(Type::floatType()), false}}),
        "[" + job.initialJson + "]", structs);
    if (!init.ok) {
        out.status = fail(Kind::UsageError, runtime::argumentsErrorFor("--init", init.error));
        return out;
    }
    std::vector<runtime::ParamSignature> dataParams;
    for (size_t i = 1; i + 1 < f->params.size(); ++i)
        if (f->params[i].resolved->isArray()) dataParams.push_back({f->params[i].name, f->params[i].resolved, false});
    runtime::ParsedArguments data =
        runtime::parseArguments(listSignature("--data", dataParams), job.dataJson.empty() ? "[]" : job.dataJson, structs);
    if (!data.ok) {
        out.status = fail(Kind::UsageError, runtime::argumentsErrorFor("--data", data.error));
        return out;
    }
    size_t points = dataParams.empty() ? 0 : data.values[0].items.size();
    for (size_t j = 0; j < dataParams.size(); ++j) {
        if (data.values[j].items.size() != points) {
            out.status = fail(Kind::UsageError, "--data: " + dataParams[j].name + " has " +
                                                    std::to_string(data.values[j].items.size()) + " elements, " +
                                                    dataParams[0].name + " has " + std::to_string(points) +
                                                    " (one element per data point in every array)");
            return out;
        }
    }
    const std::vector<Value>& params = init.values[0].items;
    std::string file = "LWOPTIM1";
    putU32(file, static_cast<uint32_t>(params.size()));
    putU32(file, 0);
    for (const Value& v : params) file.append(reinterpret_cast<const char*>(&v.floatValue), 4);
    std::string records, offsets;
    putU64(offsets, 0);
    for (size_t i = 0; i < points; ++i) {
        for (size_t j = 0; j < dataParams.size(); ++j)
            encodeValue(*dataParams[j].type->elem, data.values[j].items[i], structs, records);
        putU64(offsets, records.size());
    }
    putU64(file, points);
    file += offsets;
    file += records;

    Programs programs;
    double buildSeconds = 0;
    if (auto e = buildPrograms(module, *f, options, programs, buildSeconds)) {
        out.status = *e;
        return out;
    }
    JobDirectory dir;
    if (auto e = writeJobFile(dir, {file})) {
        out.status = *e;
        return out;
    }
    int method = job.method == DescentMethod::Plain ? 0 : job.method == DescentMethod::Momentum ? 1 : 2;
    out.status = launch(programs, dir, options,
                        {std::to_string(job.steps), std::to_string(method), number(job.learningRate), number(job.beta1),
                         number(job.beta2), number(job.epsilon), number(job.tolerance), job.average ? "1" : "0"});
    out.status.buildSeconds = buildSeconds;
    if (out.status.kind != Kind::Ok) return out;

    std::string bytes = readFile(dir.output());
    uint32_t n = 0;
    if (bytes.size() < 12 || bytes.compare(0, 8, "LWTRAJ01") != 0) {
        out.status = fail(internalError("the MPI job wrote no valid trajectory"));
        return out;
    }
    std::memcpy(&n, bytes.data() + 8, 4);
    size_t recordSize = 4 + 8 + 8 + 4 * static_cast<size_t>(n);
    for (size_t at = 12; at + recordSize <= bytes.size(); at += recordSize) {
        TrajectoryPoint t;
        uint32_t step;
        std::memcpy(&step, bytes.data() + at, 4);
        std::memcpy(&t.loss, bytes.data() + at + 4, 8);
        std::memcpy(&t.gradientNorm, bytes.data() + at + 12, 8);
        t.step = step;
        t.params.resize(n);
        if (n) std::memcpy(t.params.data(), bytes.data() + at + 20, 4 * static_cast<size_t>(n));
        out.trajectory.push_back(std::move(t));
    }
    return out;
}

}  // namespace

BatchResult runBatchJob(const ast::Module& module, const BatchJob& job, const JobOptions& options) {
    try {
        return runBatch(module, job, options);
    } catch (const std::exception& e) {
        BatchResult out;
        out.status = fail(exceptionOutcome(e));
        return out;
    }
}

OptimizeResult runOptimizeJob(const ast::Module& module, const OptimizeJob& job, const JobOptions& options) {
    try {
        return runOptimize(module, job, options);
    } catch (const std::exception& e) {
        OptimizeResult out;
        out.status = fail(exceptionOutcome(e));
        return out;
    }
}

std::string trajectoryCsv(const std::vector<TrajectoryPoint>& t) {
    std::string out = "step,loss,gradient_norm";
    size_t n = t.empty() ? 0 : t.front().params.size();
    for (size_t i = 0; i < n; ++i) out += ",p" + std::to_string(i);
    out += "\n";
    for (const TrajectoryPoint& p : t) {
        out += std::to_string(p.step) + "," + number(p.loss) + "," + number(p.gradientNorm);
        for (float v : p.params) out += "," + runtime::formatFloat(v);
        out += "\n";
    }
    return out;
}

namespace {
// Non-finite numbers as the strings `lomaw run` uses, so the file stays valid JSON.
std::string jsonNumber(double v) {
    if (std::isnan(v)) return "\"nan\"";
    if (std::isinf(v)) return v > 0 ? "\"inf\"" : "\"-inf\"";
    return number(v);
}
}  // namespace

std::string trajectoryPointJson(const TrajectoryPoint& p) {
    std::string out = "{\"step\": " + std::to_string(p.step) + ", \"loss\": " + jsonNumber(p.loss) +
                      ", \"gradient_norm\": " + jsonNumber(p.gradientNorm) + ", \"params\": [";
    for (size_t i = 0; i < p.params.size(); ++i) out += (i ? ", " : "") + runtime::formatFloat(p.params[i]);
    return out + "]}";
}

std::string trajectoryJson(const std::vector<TrajectoryPoint>& t) {
    std::string out = "[";
    for (size_t k = 0; k < t.size(); ++k) out += (k ? ",\n " : "") + trajectoryPointJson(t[k]);
    return out + "]\n";
}

}  // namespace lomaw::dist
