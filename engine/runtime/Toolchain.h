// The C toolchain: which compiler builds generated C, with which flags (docs/language.md §7).
//
// Compiler choice: explicit option > env LOMAW_CC > `cc` on PATH. A name without '/' is searched
// on PATH. Whether the compiler accepts -fopenmp is probed once per compiler (path + mtime) and
// the answer kept in the cache directory, so a cached run never starts the compiler.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "runtime/Subprocess.h"
#include "syntax/Outcome.h"

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
    enum class Status { Ok, LaunchFailed, CompileFailed, Killed, TimedOut };
    Status status = Status::CompileFailed;
    std::string diagnostics;  // the compiler's output (or why it could not be started)
    int signal = 0;           // Killed: the signal
};

// Builds the shared library `outputPath` from the C file `sourcePath`. timeoutSeconds > 0: the
// compiler (its whole process group) is stopped after that long (TimedOut).
CompileResult compileSharedLibrary(const Compiler& compiler, const std::vector<std::string>& flags,
                                   const std::string& sourcePath, const std::string& outputPath,
                                   double timeoutSeconds = 0);

// How a compiler run ended (the C compiler, mpicc). Killed: the compiler, or a program it ran
// (cc1, as, ld), died of a signal -- the machine ran out of memory or someone stopped it; the
// driver then exits 1 and only its output says so: GCC's "Killed signal terminated program cc1",
// collect2's "ld terminated with signal 9 [Killed]".
CompileResult compileResultOf(const ProcessResult& run);

// The outcome of a build that failed for a reason of the machine, not of the generated C
// (EnvironmentError): `tool` ("the C compiler /usr/bin/cc", "mpicc /usr/bin/mpicc") could not be
// started, was killed by a signal or ran out of time. nullopt for Ok and CompileFailed.
std::optional<Outcome> buildEnvironmentFailure(const CompileResult& compiled, const std::string& tool,
                                               double timeoutSeconds);

// "building the kernel took longer than S s": a build stopped by --timeout (docs/cli.md, Limits).
std::string buildTimeoutMessage(double seconds);

}  // namespace lomaw::runtime
