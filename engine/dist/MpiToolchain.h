// Finding mpicc and mpirun, and building the generated MPI programs into executables kept in the
// build cache by content hash (like runtime::buildCached for shared libraries).
#pragma once

#include <string>

#include "syntax/Outcome.h"

namespace lomaw::dist {

struct MpiTools {
    std::string mpicc;   // "" : $LOMAW_MPICC, then mpicc on PATH
    std::string mpirun;  // "" : $LOMAW_MPIRUN, then mpirun on PATH
    std::string cacheDir;
    double buildTimeoutSeconds = 0;  // > 0: mpicc is stopped after this long (--timeout)
};

struct ToolLookup {
    std::string path;   // empty when not found
    std::string error;  // a message naming the tool and how to get it
};

ToolLookup findMpicc(const std::string& explicitPath);
ToolLookup findMpirun(const std::string& explicitPath);

// Ok, EnvironmentError (no mpicc, no cache directory, mpicc killed or out of time) or
// InternalError (the generated MPI program does not compile: an engine bug; its source is kept).
struct ProgramBuild : Outcome {
    std::string executable;
    bool usedCache = false;
};

// Builds `cSource` with mpicc into <cache>/mpi-<sha256> (mode 0700, its content hash beside it);
// reuses an existing executable only when it passes the cache's checks (runtime/CacheStore.h).
ProgramBuild buildMpiProgram(const std::string& cSource, const MpiTools& tools);

}  // namespace lomaw::dist
