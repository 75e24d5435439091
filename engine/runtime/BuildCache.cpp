#include "runtime/BuildCache.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/Sha256.h"

namespace lomaw::runtime {

namespace {

bool isDirectory(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool isRegularFile(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// mkdir -p; returns "" or an error message.
std::string makeDirectories(const std::string& path) {
    for (size_t pos = 1; pos <= path.size(); ++pos) {
        if (pos != path.size() && path[pos] != '/') continue;
        std::string prefix = path.substr(0, pos);
        if (mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) {
            return "cannot create cache directory " + path + ": " + std::strerror(errno);
        }
    }
    if (!isDirectory(path)) return "cannot create cache directory " + path + ": not a directory";
    return "";
}

// A name no other thread or process uses at the same moment.
std::string uniqueSuffix() {
    static std::atomic<unsigned> counter{0};
    return std::to_string(getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

std::string cacheKey(const std::string& cSource, const Compiler& compiler,
                     const std::vector<std::string>& flags) {
    Sha256 h;
    // Length-prefixed fields so that no two different inputs hash the same byte stream.
    auto field = [&h](const std::string& s) {
        h.update(std::to_string(s.size()));
        h.update(":");
        h.update(s);
    };
    field("lomaw-build-v1");
    field(compiler.path);
    field(std::to_string(compiler.mtimeNs));
    field(std::to_string(compiler.sizeBytes));
    for (const std::string& f : flags) field(f);
    field(cSource);
    return h.hexDigest();
}

}  // namespace

std::string resolveCacheDir(const std::string& option, std::string& error) {
    if (!option.empty()) return option;
    if (const char* env = std::getenv("LOMAW_CACHE_DIR"); env && *env) return env;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/lomaw";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/lomaw";
    error = "no build cache directory: set LOMAW_CACHE_DIR or HOME";
    return "";
}

BuildResult buildCached(const BuildRequest& request) {
    BuildResult out;
    std::string error;
    std::string dir = resolveCacheDir(request.cacheDir, error);
    if (dir.empty()) {
        out.status = BuildResult::Status::ToolchainError;
        out.message = error;
        return out;
    }
    if (std::string e = makeDirectories(dir); !e.empty()) {
        out.status = BuildResult::Status::ToolchainError;
        out.message = e;
        return out;
    }
    CompilerLookup lookup = findCompiler(request.compiler);
    if (!lookup.compiler) {
        out.status = BuildResult::Status::ToolchainError;
        out.message = lookup.error;
        return out;
    }
    const Compiler& compiler = *lookup.compiler;
    std::vector<std::string> flags = baseCompileFlags();
    if (supportsOpenMp(compiler, dir)) flags.push_back("-fopenmp");
    flags.insert(flags.end(), request.extraFlags.begin(), request.extraFlags.end());

    std::string key = cacheKey(request.cSource, compiler, flags);
    std::string library = dir + "/" + key + ".so";
    out.libraryPath = library;
    if (isRegularFile(library)) {
        out.status = BuildResult::Status::Ok;
        out.usedCache = true;
        return out;
    }

    std::string unique = uniqueSuffix();
    std::string source = dir + "/" + key + ".tmp-" + unique + ".c";
    std::string tempLibrary = dir + "/" + key + ".tmp-" + unique + ".so";
    {
        std::ofstream file(source, std::ios::binary);
        file << request.cSource;
        if (!file.flush()) {
            out.status = BuildResult::Status::ToolchainError;
            out.message = "cannot write " + source + ": " + std::strerror(errno);
            std::remove(source.c_str());
            return out;
        }
    }
    CompileResult compiled = compileSharedLibrary(compiler, flags, source, tempLibrary);
    if (compiled.status != CompileResult::Status::Ok) {
        std::remove(tempLibrary.c_str());
        if (compiled.status == CompileResult::Status::LaunchFailed) {
            std::remove(source.c_str());
            out.status = BuildResult::Status::ToolchainError;
            out.message = "cannot run the C compiler " + compiler.path + ": " + compiled.diagnostics;
            return out;
        }
        // Generated C that does not compile is an engine bug. Keep the source for the report.
        std::string kept = dir + "/" + key + ".failed.c";
        std::rename(source.c_str(), kept.c_str());
        out.status = BuildResult::Status::InternalError;
        out.message = "internal compiler error: the generated C does not compile (" + compiler.path +
                      ", source kept in " + kept + "):\n" + compiled.diagnostics;
        return out;
    }
    // The source is kept beside the library: it is what a user debugging a kernel wants to read.
    std::string keptSource = dir + "/" + key + ".c";
    std::rename(source.c_str(), keptSource.c_str());
    if (std::rename(tempLibrary.c_str(), library.c_str()) != 0) {
        std::remove(tempLibrary.c_str());
        out.status = BuildResult::Status::ToolchainError;
        out.message = "cannot store " + library + ": " + std::strerror(errno);
        return out;
    }
    out.status = BuildResult::Status::Ok;
    return out;
}

}  // namespace lomaw::runtime
