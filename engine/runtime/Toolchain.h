// The C toolchain: which compiler builds generated C, with which flags (docs/language.md §7).
//
// Compiler choice: explicit option > env LOMAW_CC > `cc` on PATH. A name without '/' is searched
// on PATH. Whether the compiler accepts -fopenmp is probed once per compiler (path + mtime) and
// the answer kept in the cache directory, so a cached run never starts the compiler.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace lomaw::runtime {

struct Compiler {
    std::string path;         // absolute or as found on PATH
    long long mtimeNs = 0;    // identity: a rebuilt/upgraded compiler invalidates the cache
    long long sizeBytes = 0;
};

struct CompilerLookup {
    std::optional<Compiler> compiler;
    std::string error;        // set when compiler is empty, a message for the user
};

// `explicitCompiler` "" means: use LOMAW_CC, then `cc`.
CompilerLookup findCompiler(const std::string& explicitCompiler);

// Flags every build uses (without -fopenmp, without input/output files).
std::vector<std::string> baseCompileFlags();

// True when `compiler` accepts -fopenmp. The probe result is cached in `cacheDir` (which must
// exist); a probe that cannot be cached, or is stopped after `timeoutSeconds` (> 0), is simply
// repeated next time.
bool supportsOpenMp(const Compiler& compiler, const std::string& cacheDir, double timeoutSeconds = 0);

struct CompileResult {
    enum class Status { Ok, LaunchFailed, CompileFailed, TimedOut };
    Status status = Status::CompileFailed;
    std::string diagnostics;  // the compiler's output (or why it could not be started)
};

// Builds the shared library `outputPath` from the C file `sourcePath`. timeoutSeconds > 0: the
// compiler (its whole process group) is stopped after that long (TimedOut).
CompileResult compileSharedLibrary(const Compiler& compiler, const std::vector<std::string>& flags,
                                   const std::string& sourcePath, const std::string& outputPath,
                                   double timeoutSeconds = 0);

// "building the kernel took longer than S s": a build stopped by --timeout (docs/cli.md, Limits).
std::string buildTimeoutMessage(double seconds);

}  // namespace lomaw::runtime
