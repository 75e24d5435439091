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

namespace lomaw::dist {

enum class LaunchMode { Spawn, Spmd };

struct JobTimings {
    double launch = 0;      // mpirun start until the driver has its workers
    double distribute = 0;  // scatters (and reading the job file)
    double compute = 0;     // workers computing (the slowest per round / step)
    double collect = 0;     // gathers and writing results
    double total = 0;       // wall time of the mpirun process
};

struct LaunchSpec {
    std::string mpirun;
    std::string driver;
    std::string worker;
    int workers = 2;
    LaunchMode mode = LaunchMode::Spawn;
    std::string hostfile;                 // "" : this machine only (oversubscription allowed)
    std::vector<std::string> extraArgs;   // passed to mpirun before the programs
    std::string inputPath;
    std::string outputPath;
    std::vector<std::string> driverArgs;  // after INPUT OUTPUT (optimisation schedule)
    double timeoutSeconds = 0;            // 0 : none
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(long long done, long long total)> onProgress;
};

struct LaunchOutcome {
    enum class Kind { Ok, RuntimeError, Crashed, Failed, TimedOut, Cancelled, StartFailed };
    Kind kind = Kind::StartFailed;
    std::string message;
    JobTimings timings;
};

// `args` (extra mpirun arguments) with a `--mca btl LIST` that would cut the driver off from
// spawned workers made to include tcp (see MpiLauncher.cpp); other arguments unchanged.
std::vector<std::string> spawnCompatibleArgs(const std::vector<std::string>& args);

// The mpirun command line for `spec` (exposed for tests and for `--verbose`). In spawn mode the
// extra arguments pass through spawnCompatibleArgs.
std::vector<std::string> mpirunCommand(const LaunchSpec& spec);

LaunchOutcome launchJob(const LaunchSpec& spec);

// "" when every host of the hostfile resolves and accepts connections on the ssh port within
// two seconds (localhost and this machine's name are not probed); else a message naming the host.
std::string checkHostfile(const std::string& path);

}  // namespace lomaw::dist
