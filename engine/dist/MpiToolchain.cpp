#include "dist/MpiToolchain.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sys/stat.h>

#include "runtime/BuildCache.h"
#include "runtime/CacheStore.h"
#include "runtime/Sha256.h"
#include "runtime/Subprocess.h"
#include "runtime/Toolchain.h"

namespace lomaw::dist {

namespace {

ToolLookup findTool(const std::string& explicitPath, const char* envVar, const char* name, const char* package) {
    ToolLookup out;
    std::string spelling = explicitPath;
    if (spelling.empty())
        if (const char* env = std::getenv(envVar); env && *env) spelling = env;
    if (spelling.empty()) spelling = name;
    // runtime::findCompiler resolves a name on PATH and checks that it is executable.
    runtime::CompilerLookup found = runtime::findCompiler(spelling);
    if (!found.compiler) {
        out.error = std::string(name) + " not found (" + spelling + "): install Open MPI (apt-get install " + package +
                    ") or set " + envVar;
        return out;
    }
    out.path = found.compiler->path;
    return out;
}

}  // namespace

ToolLookup findMpicc(const std::string& explicitPath) {
    return findTool(explicitPath, "LOMAW_MPICC", "mpicc", "libopenmpi-dev");
}

// mpirun given by an absolute path takes its installation prefix from that path (two levels up),
// as if --prefix were given. Through a symlinked directory -- /bin/mpirun where /bin -> usr/bin,
// found first on a PATH that lists /bin before /usr/bin -- the prefix is "/", and mpirun stops at
// once ("A prefix was supplied to mpirun that only contained slashes", status 1). So the directory
// is resolved (/usr/bin/mpirun); the name is kept, it may be a link to the real program.
ToolLookup findMpirun(const std::string& explicitPath) {
    ToolLookup found = findTool(explicitPath, "LOMAW_MPIRUN", "mpirun", "openmpi-bin");
    size_t slash = found.path.rfind('/');
    if (slash == std::string::npos || slash == 0) return found;
    std::error_code ignored;
    std::filesystem::path dir = std::filesystem::canonical(found.path.substr(0, slash), ignored);
    if (!dir.empty()) found.path = (dir / found.path.substr(slash + 1)).string();
    return found;
}

ProgramBuild buildMpiProgram(const std::string& cSource, const MpiTools& tools) {
    ProgramBuild out;
    auto fail = [&out](Outcome outcome) {
        out.outcome() = std::move(outcome);
        return out;
    };
    auto environment = [&fail](std::string message) { return fail(failure(OutcomeKind::EnvironmentError, std::move(message))); };
    ToolLookup mpicc = findMpicc(tools.mpicc);
    if (mpicc.path.empty()) return environment(mpicc.error);
    std::string error;
    std::string dir = runtime::resolveCacheDir(tools.cacheDir, error);
    if (dir.empty()) return environment(error);
    // The same private, verified cache as the shared libraries of `lomaw run` (runtime/CacheStore.h).
    if (std::string e = runtime::preparePrivateDirectory(dir); !e.empty()) return environment(e);

    // Same numerics as the single-call build (docs/language.md §7).
    std::vector<std::string> flags{"-O2", "-std=c11", "-ffp-contract=off", "-fwrapv", "-fno-fast-math", "-fopenmp", "-pthread"};
    if (runtime::CompilerLookup compiler = runtime::findCompiler(mpicc.path); compiler.compiler)
        if (runtime::probeCompiler(*compiler.compiler, dir, tools.buildTimeoutSeconds).vectorizerCostModel)
            flags.push_back(runtime::kVectorizerCostModel);
    struct stat st {};
    stat(mpicc.path.c_str(), &st);
    runtime::Sha256 h;
    auto field = [&h](const std::string& s) {
        h.update(std::to_string(s.size()));
        h.update(":");
        h.update(s);
    };
    field("lomaw-mpi-build-v2");  // v2: entries carry a content hash
    field(mpicc.path);
    field(std::to_string(static_cast<long long>(st.st_mtim.tv_sec)));
    for (const std::string& f : flags) field(f);
    field(cSource);
    std::string key = h.hexDigest();
    out.executable = dir + "/mpi-" + key;
    runtime::CacheEntry entry = runtime::checkEntry(out.executable);
    if (entry.state == runtime::CacheEntry::State::Valid) {
        out.kind = OutcomeKind::Ok;
        out.usedCache = true;
        return out;
    }
    std::string unique = runtime::uniqueTempSuffix();
    std::string source = dir + "/mpi-" + key + ".tmp-" + unique + ".c";
    std::string temp = dir + "/mpi-" + key + ".tmp-" + unique;
    if (std::string e = runtime::writePrivateFile(source, cSource); !e.empty()) return environment(e);
    std::vector<std::string> argv{mpicc.path};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {"-o", temp, source, "-lm"});
    runtime::CompileResult compiled =
        runtime::compileResultOf(runtime::runProcess(argv, {source, temp}, tools.buildTimeoutSeconds));
    if (compiled.status != runtime::CompileResult::Status::Ok) {
        std::remove(temp.c_str());
        // Not the generated C's fault (runtime/Toolchain.h): mpicc missing, killed or out of time.
        if (std::optional<Outcome> machine =
                runtime::buildEnvironmentFailure(compiled, "mpicc " + mpicc.path, tools.buildTimeoutSeconds)) {
            std::remove(source.c_str());
            return fail(std::move(*machine));
        }
        std::string kept = dir + "/mpi-" + key + ".failed.c";
        std::rename(source.c_str(), kept.c_str());
        return fail(failure(OutcomeKind::InternalError,
                            "internal compiler error: the generated MPI program does not compile (source kept in " +
                                kept + "):\n" + compiled.diagnostics));
    }
    std::rename(source.c_str(), (out.executable + ".c").c_str());
    if (std::string e = runtime::storeEntry(temp, out.executable, 0700); !e.empty()) return environment(e);
    if (entry.state == runtime::CacheEntry::State::Corrupt) runtime::noteRebuiltEntry(out.executable, entry.why);
    out.kind = OutcomeKind::Ok;
    return out;
}

}  // namespace lomaw::dist
