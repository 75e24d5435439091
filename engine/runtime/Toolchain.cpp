#include "runtime/Toolchain.h"

#include <cstdio>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/CacheStore.h"
#include "runtime/Sha256.h"
#include "runtime/Subprocess.h"

namespace lomaw::runtime {

namespace {

bool isExecutableFile(const std::string& path, struct stat* st) {
    return stat(path.c_str(), st) == 0 && S_ISREG(st->st_mode) && access(path.c_str(), X_OK) == 0;
}

// The path of `name` on PATH, or "" when absent.
std::string searchPath(const std::string& name) {
    const char* pathEnv = std::getenv("PATH");
    std::string dirs = pathEnv ? pathEnv : "/usr/local/bin:/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
        size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        std::string dir = dirs.substr(start, end - start);
        if (dir.empty()) dir = ".";
        std::string candidate = dir + "/" + name;
        struct stat st {};
        if (isExecutableFile(candidate, &st)) return candidate;
        start = end + 1;
    }
    return "";
}

// `spelling` as the user gave it; `origin` names where it came from in messages ("LOMAW_CC=").
CompilerLookup resolve(const std::string& spelling, const std::string& origin) {
    CompilerLookup out;
    std::string path = spelling.find('/') == std::string::npos ? searchPath(spelling) : spelling;
    struct stat st {};
    if (path.empty() || !isExecutableFile(path, &st)) {
        out.error = origin + spelling + ": not an executable";
        return out;
    }
    Compiler c;
    c.path = path;
    c.mtimeNs = static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec;
    c.sizeBytes = static_cast<long long>(st.st_size);
    out.compiler = c;
    return out;
}

}  // namespace

CompilerLookup findCompiler(const std::string& explicitCompiler) {
    if (!explicitCompiler.empty()) return resolve(explicitCompiler, "C compiler ");
    if (const char* env = std::getenv("LOMAW_CC"); env && *env) return resolve(env, "LOMAW_CC=");
    std::string cc = searchPath("cc");
    if (cc.empty()) {
        CompilerLookup out;
        out.error = "no C compiler found: install gcc (apt-get install gcc) or set LOMAW_CC";
        return out;
    }
    return resolve(cc, "C compiler ");
}

std::vector<std::string> baseCompileFlags() {
    // -Bsymbolic: a kernel function may be named like a C library function (fdiv, y0, j1 are
    // legal loma names). Without it, calls inside the library would bind through the PLT to
    // libm's symbol already loaded in the calling process, and silently compute something else.
    return {"-O2", "-fPIC", "-shared", "-std=c11", "-ffp-contract=off", "-fwrapv", "-fno-fast-math",
            "-Wl,-Bsymbolic"};
}

namespace {

// Whether `compiler` builds a one-function shared library with `flags`; nullopt when there is
// no answer (the probe file cannot be written, or the compiler ran out of time).
std::optional<bool> probeCompiles(const Compiler& compiler, const std::string& cacheDir,
                                  const std::vector<std::string>& flags, double timeoutSeconds) {
    std::string unique = uniqueTempSuffix();
    std::string source = cacheDir + "/compiler-probe-" + unique + ".c";
    std::string library = cacheDir + "/compiler-probe-" + unique + ".so";
    if (!writePrivateFile(source, "int lomaw_compiler_probe(void) { return 0; }\n").empty()) return std::nullopt;
    std::vector<std::string> argv{compiler.path};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {"-fPIC", "-shared", "-o", library, source});
    ProcessResult r = runProcess(argv, {source, library}, timeoutSeconds);
    std::remove(source.c_str());
    std::remove(library.c_str());
    if (r.timedOut) return std::nullopt;  // the build that follows runs out of time as well
    return r.launched && r.exitCode == 0;
}

std::string featuresText(const CompilerFeatures& f) {
    return std::string("openmp=") + (f.openMp ? "yes" : "no") + " vectorizer=" + (f.vectorizerCostModel ? "yes" : "no") + "\n";
}

}  // namespace

CompilerFeatures probeCompiler(const Compiler& compiler, const std::string& cacheDir, double timeoutSeconds) {
    std::string key = sha256Hex(compiler.path + '\0' + std::to_string(compiler.mtimeNs) + '\0' +
                                std::to_string(compiler.sizeBytes));
    std::string probeFile = cacheDir + "/compiler-probe-" + key.substr(0, 32);
    // The answer decides the flags of every build: only a file of this user's own is believed.
    if (isOwnPrivateFile(probeFile)) {
        std::ifstream in(probeFile);
        std::string line;
        std::getline(in, line);
        for (bool openMp : {false, true})
            for (bool vectorizer : {false, true})
                if (line + "\n" == featuresText({openMp, vectorizer})) return {openMp, vectorizer};
    }
    // -Werror: clang accepts GCC's cost-model flag with a warning and ignores it.
    std::optional<bool> all = probeCompiles(compiler, cacheDir, {"-fopenmp", "-Werror", kVectorizerCostModel}, timeoutSeconds);
    if (!all) return {};
    CompilerFeatures features{*all, *all};
    if (!*all) {  // one of them is refused: ask separately
        std::optional<bool> openMp = probeCompiles(compiler, cacheDir, {"-fopenmp"}, timeoutSeconds);
        std::optional<bool> vectorizer = probeCompiles(compiler, cacheDir, {"-Werror", kVectorizerCostModel}, timeoutSeconds);
        features = {openMp.value_or(false), vectorizer.value_or(false)};
        if (!openMp || !vectorizer) return features;  // not a whole answer: not cached
    }
    std::string unique = uniqueTempSuffix();
    std::string temp = probeFile + ".tmp-" + unique;
    if (writePrivateFile(temp, featuresText(features)).empty() && std::rename(temp.c_str(), probeFile.c_str()) != 0)
        std::remove(temp.c_str());
    return features;
}

std::vector<std::string> featureFlags(const CompilerFeatures& features) {
    std::vector<std::string> flags;
    if (features.vectorizerCostModel) flags.push_back(kVectorizerCostModel);
    if (features.openMp) flags.push_back("-fopenmp");
    return flags;
}

CompileResult compileSharedLibrary(const Compiler& compiler, const std::vector<std::string>& flags,
                                   const std::string& sourcePath, const std::string& outputPath,
                                   double timeoutSeconds) {
    std::vector<std::string> argv{compiler.path};
    argv.insert(argv.end(), flags.begin(), flags.end());
    argv.insert(argv.end(), {"-o", outputPath, sourcePath, "-lm"});
    return compileResultOf(runProcess(argv, {sourcePath, outputPath}, timeoutSeconds));  // temporaries of the cache
}

namespace {

// The signal number whose strsignal text is `name` ("Killed": 9); 0 when none is.
int signalNamed(std::string_view name) {
    for (int n = 1; n < NSIG; ++n)
        if (const char* s = strsignal(n); s && name == s) return n;
    return 0;
}

// The signal a compiler's output says killed one of its programs; 0 when it says none did.
int reportedKillSignal(const std::string& output) {
    // collect2 (and the driver for as): "ld terminated with signal 9 [Killed]"
    static constexpr std::string_view kTerminated = " terminated with signal ";
    if (size_t at = output.find(kTerminated); at != std::string::npos) {
        int n = std::atoi(output.c_str() + at + kTerminated.size());
        if (n > 0) return n;
    }
    // The GCC driver: "gcc: fatal error: Killed signal terminated program cc1" (strsignal's text).
    static constexpr std::string_view kSignalTerminated = " signal terminated program ";
    if (size_t at = output.find(kSignalTerminated); at != std::string::npos) {
        size_t lineStart = output.rfind('\n', at);
        lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
        std::string_view before(output.data() + lineStart, at - lineStart);
        // The name follows the last "error: " of the line (strsignal texts contain no colon).
        size_t colon = before.rfind(": ");
        if (colon != std::string_view::npos) before.remove_prefix(colon + 2);
        return signalNamed(before);
    }
    // Older GCC drivers: "gcc: internal compiler error: Killed (program cc1)".
    static constexpr std::string_view kIce = "internal compiler error: ";
    if (size_t at = output.find(kIce); at != std::string::npos) {
        size_t name = at + kIce.size(), program = output.find(" (program ", name);
        size_t lineEnd = output.find('\n', name);
        if (program != std::string::npos && program < lineEnd)
            return signalNamed(std::string_view(output).substr(name, program - name));
    }
    return 0;
}

}  // namespace

CompileResult compileResultOf(const ProcessResult& r) {
    CompileResult out;
    if (r.timedOut) {
        out.status = CompileResult::Status::TimedOut;
        return out;
    }
    if (!r.launched) {
        out.status = CompileResult::Status::LaunchFailed;
        out.diagnostics = r.launchError;
        return out;
    }
    out.diagnostics = r.output;
    if (r.exitCode == 0 && r.signal == 0) {
        out.status = CompileResult::Status::Ok;
        return out;
    }
    out.signal = r.signal != 0 ? r.signal : reportedKillSignal(r.output);
    out.status = out.signal != 0 ? CompileResult::Status::Killed : CompileResult::Status::CompileFailed;
    return out;
}

std::optional<Outcome> buildEnvironmentFailure(const CompileResult& compiled, const std::string& tool,
                                               double timeoutSeconds) {
    switch (compiled.status) {
        case CompileResult::Status::Ok:
        case CompileResult::Status::CompileFailed: return std::nullopt;
        case CompileResult::Status::TimedOut:
            return failure(OutcomeKind::EnvironmentError, buildTimeoutMessage(timeoutSeconds));
        case CompileResult::Status::LaunchFailed:
            return failure(OutcomeKind::EnvironmentError, "cannot run " + tool + ": " + compiled.diagnostics);
        case CompileResult::Status::Killed: break;
    }
    const char* name = strsignal(compiled.signal);
    std::string text = tool + " was killed by signal " + std::to_string(compiled.signal) + " (" +
                       (name ? name : "unknown signal") +
                       ") while building (out of memory, or stopped by someone else)";
    if (!compiled.diagnostics.empty()) text += ":\n" + compiled.diagnostics;
    return failure(OutcomeKind::EnvironmentError, text);
}

std::string buildTimeoutMessage(double seconds) {
    std::ostringstream text;
    text << "building the kernel took longer than " << seconds << " s";
    return text.str();
}

}  // namespace lomaw::runtime
