// Copies the MPI program (driver and worker in one executable) from this machine's build cache to
// the same path on every node of a job, for nodes that do not share the cache's filesystem.
//
// Open MPI 4.1.4's --preload-binary cannot do it (docs/mpi.md: the copy is stored under the
// session directory but started as ./NAME, so it is never found). --preload-files does deliver a
// file, to NODE's session directory under the file's full path. So a first, small mpirun job runs
// one process per node (--map-by ppr:1:node) with --preload-files EXECUTABLE; the process is
// /bin/sh (every node has it) running a short script that puts the delivered copy in place:
// directory created 0700, the file 0700 with its SHA-256 beside it (PATH.sha256, as the build
// cache stores entries, runtime/CacheStore.h), checked against this machine's hash before it is
// renamed into place. A node that already has the right file (a shared cache, or an earlier copy)
// keeps it.
#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace lomaw::dist {

struct WorkerCopySpec {
    std::string mpirun;
    std::string executable;              // absolute path in this machine's build cache
    std::string hostfile;                // as for the job (launchHostfile), or "" inside an allocation
    std::vector<std::string> extraArgs;  // the job's --mpirun-args, whole (the copy job keeps copyJobArgs of them)
    double timeoutSeconds = 0;           // 0: 120 s
    const std::atomic<bool>* cancel = nullptr;
};

struct WorkerCopyOutcome {
    bool ok = false;
    bool cancelled = false;
    std::string message;              // when not ok: names the node and the file
    std::vector<std::string> copiedTo;  // nodes that received a copy (not those that had it)
};

// What of the job's --mpirun-args the copy job takes (it has its own process count and mapping:
// one /bin/sh per node): MCA parameters (--mca/--gmca K V, except the mapping, ranking and binding
// policies), MCA parameter files (--am, --tune), where the hosts are (--hostfile, --machinefile,
// --default-hostfile, --host/-H, --add-host, --add-hostfile), how slots are counted
// (--oversubscribe, --use-hwthread-cpus), how the remote daemons start (--prefix, --noprefix,
// --launch-agent) and where their session directories go (--tmpdir). Every other option is
// dropped with the words after it that are not options (its values): -np 4, --map-by node,
// --bind-to core, -x VAR, --report-bindings.
std::vector<std::string> copyJobArgs(const std::vector<std::string>& jobArgs);

// The mpirun command line of the copy job (exposed for tests).
std::vector<std::string> workerCopyCommand(const WorkerCopySpec& spec, const std::string& sha256);

WorkerCopyOutcome copyWorkerToNodes(const WorkerCopySpec& spec);

}  // namespace lomaw::dist
