// The C toolchain: which compiler builds generated C, with which flags (docs/language.md §7).
//
// Compiler choice: explicit option > env LOMAW_CC > `cc` on PATH. A name without '/' is searched
// on PATH. What the compiler accepts beyond the base flags (-fopenmp, GCC's vectorizer cost
// model) is probed once per compiler (path + mtime + size) and the answer kept in the cache
// directory, so a cached run never starts the compiler.
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

// What a compiler accepts beyond baseCompileFlags().
struct CompilerFeatures {
    bool openMp = false;               // -fopenmp: pragma loops run in parallel
    bool vectorizerCostModel = false;  // -fvect-cost-model=cheap (GCC; see kVectorizerCostModel)
};

// GCC 12's -O2 vectorizes only loops whose trip count is a known multiple of the vector width.
// Kernel loops run to `n` or to a `while` condition, so that leaves them scalar; the cheap model
// also vectorizes those (with an epilogue, and float sums added in their original order, so
// results do not change: -fno-fast-math forbids reassociation). Measured in docs/benchmarks.md
// ("Compiler flags"): forward mode up to 1.9x faster, primal loops up to 2x.
inline constexpr const char* kVectorizerCostModel = "-fvect-cost-model=cheap";

// Probes `compiler` (one compile when it accepts everything, as GCC does). The answer is cached
// in `cacheDir` (which must exist); a probe that cannot be cached, or is stopped after
// `timeoutSeconds` (> 0), is simply repeated next time, and answers "nothing supported".
CompilerFeatures probeCompiler(const Compiler& compiler, const std::string& cacheDir, double timeoutSeconds = 0);

// The flags `features` adds to baseCompileFlags(), in a fixed order (they are part of cache keys).
std::vector<std::string> featureFlags(const CompilerFeatures& features);

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
