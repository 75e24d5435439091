#include "dist/MpiToolchain.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/BuildCache.h"
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

std::string uniqueSuffix() {
    static std::atomic<unsigned> counter{0};
    return std::to_string(getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

}  // namespace

ToolLookup findMpicc(const std::string& explicitPath) {
    return findTool(explicitPath, "LOMAW_MPICC", "mpicc", "libopenmpi-dev");
}

ToolLookup findMpirun(const std::string& explicitPath) {
    return findTool(explicitPath, "LOMAW_MPIRUN", "mpirun", "openmpi-bin");
}

ProgramBuild buildMpiProgram(const std::string& cSource, const MpiTools& tools) {
    ProgramBuild out;
    ToolLookup mpicc = findMpicc(tools.mpicc);
    if (mpicc.path.empty()) {
        out.toolchainError = true;
        out.message = mpicc.error;
        return out;
    }
    std::string error;
    std::string dir = runtime::resolveCacheDir(tools.cacheDir, error);
    if (dir.empty()) {
        out.toolchainError = true;
        out.message = error;
        return out;
    }
    for (size_t pos = 1; pos <= dir.size(); ++pos)
        if (pos == dir.size() || dir[pos] == '/') mkdir(dir.substr(0, pos).c_str(), 0755);

    // Same numerics as the single-call build (LANGUAGE.md §7).
    std::vector<std::string> flags{"-O2", "-std=c11", "-ffp-contract=off", "-fwrapv", "-fno-fast-math", "-fopenmp", "-pthread"};
    struct stat st {};
    stat(mpicc.path.c_str(), &st);
    runtime::Sha256 h;
    auto field = [&h](const std::string& s) {
        h.update(std::to_string(s.size()));
        h.update(":");
        h.update(s);
    };
    field("lomaw-mpi-build-v1");
    field(mpicc.path);
    field(std::to_string(static_cast<long long>(st.st_mtim.tv_sec)));
    for (const std::string& f : flags) field(f);
    field(cSource);
    std::string key = h.hexDigest();
    out.executable = dir + "/mpi-" + key;
    if (access(out.executable.c_str(), X_OK) == 0) {
        out.ok = true;
        out.usedCache = true;
        return out;
    }
    std::string unique = uniqueSuffix();
    std::string source = dir + "/mpi-" + key + ".tmp-" + unique + ".c";
    std::string temp = dir + "/mpi-" + key + ".tmp-" + unique;
    {
        std::ofstream file(source, std::ios::binary);
        file << cSource;
        if (!file.flush()) {
            out.toolchainError = true;
            out.message = "cannot write " + source + ": " + std::strerror(errno);
            return out;
        }
    }
    std::vector<std::string> argv{mpicc.path};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {"-o", temp, source, "-lm"});
    runtime::ProcessResult r = runtime::runProcess(argv);
    if (!r.launched || r.exitCode != 0) {
        std::remove(temp.c_str());
        if (!r.launched) {
            std::remove(source.c_str());
            out.toolchainError = true;
            out.message = "cannot run mpicc " + mpicc.path + ": " + r.launchError;
            return out;
        }
        std::string kept = dir + "/mpi-" + key + ".failed.c";
        std::rename(source.c_str(), kept.c_str());
        out.message = "internal compiler error: the generated MPI program does not compile (source kept in " + kept +
                      "):\n" + r.output;
        return out;
    }
    std::rename(source.c_str(), (out.executable + ".c").c_str());
    if (std::rename(temp.c_str(), out.executable.c_str()) != 0) {
        std::remove(temp.c_str());
        out.toolchainError = true;
        out.message = "cannot store " + out.executable + ": " + std::strerror(errno);
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace lomaw::dist
