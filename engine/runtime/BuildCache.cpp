#include "runtime/BuildCache.h"

#include <cstdio>
#include <cstdlib>

#include "runtime/CacheStore.h"
#include "runtime/Sha256.h"

namespace lomaw::runtime {

namespace {

std::string cacheKey(const std::string& cSource, const Compiler& compiler,
                     const std::vector<std::string>& flags) {
    Sha256 h;
    // Length-prefixed fields so that no two different inputs hash the same byte stream.
    auto field = [&h](const std::string& s) {
        h.update(std::to_string(s.size()));
        h.update(":");
        h.update(s);
    };
    field("lomaw-build-v2");  // v2: entries carry a content hash (CacheStore.h)
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
    auto fail = [&out](Outcome outcome) {
        out.outcome() = std::move(outcome);
        return out;
    };
    auto environment = [&fail](std::string message) { return fail(failure(OutcomeKind::EnvironmentError, std::move(message))); };
    std::string error;
    std::string dir = resolveCacheDir(request.cacheDir, error);
    if (dir.empty()) return environment(error);
    if (std::string e = preparePrivateDirectory(dir); !e.empty()) return environment(e);
    CompilerLookup lookup = findCompiler(request.compiler);
    if (!lookup.compiler) return environment(lookup.error);
    const Compiler& compiler = *lookup.compiler;
    std::vector<std::string> flags = baseCompileFlags();
    for (const std::string& f : featureFlags(probeCompiler(compiler, dir, request.timeoutSeconds))) flags.push_back(f);
    flags.insert(flags.end(), request.extraFlags.begin(), request.extraFlags.end());

    std::string key = cacheKey(request.cSource, compiler, flags);
    std::string library = dir + "/" + key + ".so";
    out.libraryPath = library;
    CacheEntry entry = checkEntry(library);
    if (entry.state == CacheEntry::State::Valid) {
        out.kind = OutcomeKind::Ok;
        out.usedCache = true;
        return out;
    }

    std::string unique = uniqueTempSuffix();
    std::string source = dir + "/" + key + ".tmp-" + unique + ".c";
    std::string tempLibrary = dir + "/" + key + ".tmp-" + unique + ".so";
    if (std::string e = writePrivateFile(source, request.cSource); !e.empty()) return environment(e);
    CompileResult compiled = compileSharedLibrary(compiler, flags, source, tempLibrary, request.timeoutSeconds);
    if (compiled.status != CompileResult::Status::Ok) {
        std::remove(tempLibrary.c_str());
        if (std::optional<Outcome> machine =
                buildEnvironmentFailure(compiled, "the C compiler " + compiler.path, request.timeoutSeconds)) {
            std::remove(source.c_str());
            return fail(std::move(*machine));
        }
        // Generated C that does not compile is an engine bug. Keep the source for the report.
        std::string kept = dir + "/" + key + ".failed.c";
        std::rename(source.c_str(), kept.c_str());
        return fail(failure(OutcomeKind::InternalError,
                            "internal compiler error: the generated C does not compile (" + compiler.path +
                                ", source kept in " + kept + "):\n" + compiled.diagnostics));
    }
    // The source is kept beside the library: it is what a user debugging a kernel wants to read.
    std::rename(source.c_str(), (dir + "/" + key + ".c").c_str());
    if (std::string e = storeEntry(tempLibrary, library, 0600); !e.empty()) return environment(e);
    if (entry.state == CacheEntry::State::Corrupt) noteRebuiltEntry(library, entry.why);
    out.kind = OutcomeKind::Ok;
    return out;
}

}  // namespace lomaw::runtime
