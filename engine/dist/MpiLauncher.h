// Runs one generated MPI job under mpirun as a child process of the caller (which never
// initialises MPI): the driver and the workers read and write the job files, the driver reports
// readiness, progress and timings on stdout. A job that crashes, times out or is cancelled is
// stopped with its whole process tree; the failure comes back as a message naming the cause and,
// when a worker reported it, the rank and the input set.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "syntax/Outcome.h"

namespace lomaw::dist {

enum class LaunchMode { Spawn, Spmd };

// One rank's own compute time (the driver is rank 0 with 0 s), reported after the job.
struct RankTiming {
    int rank = 0;
    std::string host;       // MPI_Get_processor_name on that rank
    double compute = 0;     // seconds in the kernel function (sum over rounds / steps)
    long long items = 0;    // input sets (batch) or data points (optimisation) it computed
};

struct JobTimings {
    double launch = 0;      // mpirun start until the driver has its workers
    double distribute = 0;  // scatters (and reading the job file)
    double compute = 0;     // workers computing (the slowest per round / step)
    double collect = 0;     // gathers and writing results
    double total = 0;       // wall time of the mpirun process
    std::vector<RankTiming> ranks;
};

struct LaunchSpec {
    std::string mpirun;
    std::string driver;
    std::string worker;
    int workers = 2;
    LaunchMode mode = LaunchMode::Spawn;
    // "" : this machine only (oversubscription allowed), or the batch scheduler's allocation when
    // lomaw runs inside one (insideAllocation()). Else the hostfile as written for mpirun, the
    // launching machine first (launchHostfile).
    std::string hostfile;
    std::vector<std::string> extraArgs;   // passed to mpirun before the programs
    std::string inputPath;
    std::string outputPath;
    std::vector<std::string> driverArgs;  // after INPUT OUTPUT (optimisation schedule)
    std::vector<std::string> temporaryPaths;  // removed if lomaw is stopped or killed mid-job
    // "" : Open MPI's default ($TMPDIR). Else the TMPDIR of mpirun and of the processes it starts
    // here, so that mpirun's session directory is made there (a --tmpdir of the user's still wins):
    // inside the job directory, a job stopped before mpirun could clean up (timeout, cancel, a
    // signal to lomaw) leaves no ~16 MB session directory in $TMPDIR. (Not orte_local_tmpdir_base:
    // the MPI processes refuse to start when it and the tmpdir base mpirun passes them are both set.)
    std::string sessionDirectoryBase;
    // "" : Open MPI's default (/dev/shm). Else where the shared-memory transport (vader) of the
    // processes on this machine places its segments (btl_vader_backing_directory): a directory
    // of the job's own, removed with it however the job ends -- mpirun removes the segments only
    // when it is given time to, and Ctrl-C gives it 1 s of the ~1.5 s it needs. Only for jobs
    // whose processes all run here (the directory does not exist on other hosts).
    std::string sharedMemoryDirectory;
    double timeoutSeconds = 0;            // 0 : none
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(long long done, long long total)> onProgress;
};

// Ok; RuntimeError (a worker's runtime error, a process that crashed or was killed, mpirun
// failing); TimedOut; Cancelled; EnvironmentError (mpirun could not be started, a host that
// cannot run the program).
struct LaunchOutcome : Outcome {
    JobTimings timings;
    bool hostCannotRunProgram = false;  // Open MPI could not execute the program on a host (WorkerCopy.h)
};

// What a failed job's stderr (the lomaw-mpi lines of our programs first, then Open MPI's reports)
// and mpirun's exit status say, as one outcome.
LaunchOutcome explainFailure(const std::string& stderrText, int exitCode);

// `args` (extra mpirun arguments) with a `--mca btl LIST` that would cut the driver off from
// spawned workers made to include tcp (see MpiLauncher.cpp); other arguments unchanged.
std::vector<std::string> spawnCompatibleArgs(const std::vector<std::string>& args);

// The mpirun command line for `spec` (exposed for tests and for `--verbose`). In spawn mode the
// extra arguments pass through spawnCompatibleArgs.
std::vector<std::string> mpirunCommand(const LaunchSpec& spec);

LaunchOutcome launchJob(const LaunchSpec& spec);

// The environment mpirun runs with: ours, OMPI_ALLOW_RUN_AS_ROOT(_CONFIRM) as root, and
// OMPI_MCA_mpi_yield_when_idle=1 unless set.
std::vector<std::string> mpirunEnvironment();

// "" when every host of the hostfile resolves and, with `probeSsh`, accepts connections on the ssh
// port within two seconds (this machine is not probed); else a message naming the host. Without
// `probeSsh` (a custom launcher agent, --mca plm_rsh_agent) only resolution is checked.
std::string checkHostfile(const std::string& path, bool probeSsh = true);

// True for localhost, 127.x.y.z / ::1 spelled out, this machine's host name (short or full), or a
// name resolving to an address of one of this machine's interfaces.
bool isThisMachine(const std::string& host);

// The hostfile mpirun gets, from the user's: this machine's line first with one more slot (the
// driver's, so that it never takes a worker's slot and mpirun places it here, beside the job files;
// a line for this machine that gives no slot count gets its core count + 1), then the other lines
// as written. When the user's hostfile does not name this machine it gets a line with 1 slot:
// the driver runs here and every worker on the listed hosts. "" and `error` set when unreadable.
std::string launchHostfile(const std::string& userHostfile, std::string& error);

// The worker slots of the user's hostfile (the driver's is added by launchHostfile): the sum of
// its slots= counts, this machine's core count for its lines without one; -1 when a line for
// another host gives no count (Open MPI then counts that node's cores), a line gives max_slots=,
// or the file is unreadable.
int hostfileWorkerSlots(const std::string& userHostfile);

// Inside a batch scheduler's allocation (Slurm, PBS/Torque, LSF): Open MPI reads the allocation
// itself, so lomaw adds neither a host list nor --oversubscribe.
bool insideAllocation();

}  // namespace lomaw::dist
