// The mpirun command line: extra arguments go before the programs, and in spawn mode a BTL
// selection that would cut the driver off from its spawned workers gets tcp (Open MPI's
// shared-memory BTL reaches processes of its own job only; MpiLauncher.cpp).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include "dist/MpiLauncher.h"
#include "dist/WorkerCopy.h"

namespace lomaw::dist::test {
namespace {

using Args = std::vector<std::string>;

// Driver D and worker W with `workers` workers, job files in and out.
LaunchSpec programsDW(int workers) {
    LaunchSpec spec;
    spec.mpirun = "mpirun";
    spec.driver = "D";
    spec.worker = "W";
    spec.workers = workers;
    spec.inputPath = "in";
    spec.outputPath = "out";
    return spec;
}

TEST(LaunchArguments, SpawnModeKeepsTcpInTheBtlSelection) {
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl", "self,vader"}), (Args{"--mca", "btl", "self,vader,tcp"}));
    EXPECT_EQ(spawnCompatibleArgs({"-mca", "btl", "tcp,self"}), (Args{"-mca", "btl", "tcp,self"}));
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl", "^tcp,openib", "--bind-to", "none"}),
              (Args{"--mca", "btl", "^openib", "--bind-to", "none"}));
    // Excluding only tcp: nothing left to exclude, so the selection is dropped.
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl", "^tcp", "-v"}), (Args{"-v"}));
    // Other parameters, and a dangling --mca, are left alone.
    EXPECT_EQ(spawnCompatibleArgs({"--mca", "btl_tcp_if_include", "lo", "--mca", "btl"}),
              (Args{"--mca", "btl_tcp_if_include", "lo", "--mca", "btl"}));
}

TEST(LaunchArguments, ExtraArgumentsGoBeforeThePrograms) {
    LaunchSpec spec = programsDW(3);
    spec.extraArgs = {"--mca", "btl", "self,vader"};
    EXPECT_EQ(mpirunCommand(spec), (Args{"mpirun", "--oversubscribe", "--mca", "btl", "self,vader,tcp", "-np", "1", "D",
                                         "spawn", "W", "3", "in", "out"}));
    // One world in SPMD mode: shared memory reaches every rank, the selection stays as given.
    spec.mode = LaunchMode::Spmd;
    EXPECT_EQ(mpirunCommand(spec), (Args{"mpirun", "--oversubscribe", "--mca", "btl", "self,vader", "-np", "1", "D",
                                         "spmd", "W", "3", "in", "out", ":", "-np", "3", "W"}));
}

std::string thisHost() {
    char name[256] = {0};
    gethostname(name, sizeof name - 1);
    return name;
}

// The hostfile mpirun gets: this machine first, with one slot more than the user gave it (the
// driver's), the other hosts as written; a hostfile without this machine gets it with 1 slot.
TEST(LaunchArguments, TheDriverGetsASlotOfItsOwnOnTheLaunchingMachine) {
    auto path = std::filesystem::temp_directory_path() / ("lomaw_hosts_" + std::to_string(getpid()));
    const std::string header = "# written by lomaw: this machine first, with one slot for the MPI driver\n";
    std::string error;
    std::ofstream(path) << "# two nodes\nnode-a slots=2\nnode-b slots=4 max_slots=4\n";
    EXPECT_EQ(launchHostfile(path.string(), error),
              header + thisHost() + " slots=1\nnode-a slots=2\nnode-b slots=4 max_slots=4\n");
    std::ofstream(path) << "node-a slots=2\nlocalhost slots=3 max_slots=3\n";
    EXPECT_EQ(launchHostfile(path.string(), error), header + thisHost() + " slots=4 max_slots=4\nnode-a slots=2\n");
    std::ofstream(path) << thisHost() << " slots=2 # this machine by name\n";
    EXPECT_EQ(launchHostfile(path.string(), error), header + thisHost() + " slots=3\n");
    std::filesystem::remove(path);
    EXPECT_EQ(launchHostfile(path.string(), error), "");
    EXPECT_NE(error.find("cannot read hostfile"), std::string::npos) << error;
}

// The copy step before a job on nodes without the build cache (WorkerCopy.h): one process per node,
// the program delivered by --preload-files, /bin/sh putting it in place and checking its hash.
TEST(LaunchArguments, TheCopyJobRunsOneShellPerNodeWithTheProgramPreloaded) {
    WorkerCopySpec spec;
    spec.mpirun = "mpirun";
    spec.executable = "/cache/mpi-K";
    spec.hostfile = "H";
    spec.extraArgs = {"--mca", "btl", "self,tcp"};
    Args argv = workerCopyCommand(spec, "abc");
    ASSERT_EQ(argv.size(), 16u);
    EXPECT_EQ(Args(argv.begin(), argv.begin() + 12), (Args{"mpirun", "--hostfile", "H", "--mca", "btl", "self,tcp", "--map-by",
                                                           "ppr:1:node", "--preload-files", "/cache/mpi-K", "/bin/sh", "-c"}));
    EXPECT_EQ(Args(argv.begin() + 13, argv.end()), (Args{"lomaw-copy", "/cache/mpi-K", "abc"}));
    EXPECT_NE(argv[12].find("sha256sum"), std::string::npos);
    // No --preload-binary anywhere: Open MPI 4.1.4 starts its copy as ./NAME and never finds it.
    LaunchSpec job = programsDW(2);
    job.hostfile = "H";
    job.mode = LaunchMode::Spmd;
    for (const std::string& a : mpirunCommand(job)) EXPECT_NE(a, "--preload-binary");
}

// The user's --mpirun-args reach the copy job only as far as it needs them (issue 13): how to
// reach the nodes (agent, BTLs, hosts, daemons' prefix), not how many processes go where -- the
// copy job runs one shell per node, and "-np 4" or "--map-by node" beside its own
// "--map-by ppr:1:node" would start four copies or make mpirun refuse the conflicting policies.
TEST(LaunchArguments, TheCopyJobTakesOnlyWhatReachesTheNodesFromTheUsersArguments) {
    EXPECT_EQ(copyJobArgs({"-np", "4", "--mca", "plm_rsh_agent", "/x/agent.sh", "--map-by", "node", "--mca", "btl",
                           "self,tcp", "--bind-to", "core", "-x", "LD_LIBRARY_PATH", "--report-bindings"}),
              (Args{"--mca", "plm_rsh_agent", "/x/agent.sh", "--mca", "btl", "self,tcp"}));
    // Hosts, slots, daemons and session directories are kept, with one dash or two.
    EXPECT_EQ(copyJobArgs({"-H", "a,b", "--host", "c", "-hostfile", "H", "--machinefile", "M", "--oversubscribe",
                           "--prefix", "/opt/ompi", "--launch-agent", "/opt/ompi/bin/orted", "--tmpdir", "/scratch",
                           "-gmca", "btl_tcp_if_include", "eth0", "--am", "ft-enable", "--use-hwthread-cpus"}),
              (Args{"-H", "a,b", "--host", "c", "-hostfile", "H", "--machinefile", "M", "--oversubscribe", "--prefix",
                    "/opt/ompi", "--launch-agent", "/opt/ompi/bin/orted", "--tmpdir", "/scratch", "-gmca",
                    "btl_tcp_if_include", "eth0", "--am", "ft-enable", "--use-hwthread-cpus"}));
    // The placement policies spelled as MCA parameters go too; other MCA parameters stay.
    EXPECT_EQ(copyJobArgs({"--mca", "rmaps_base_mapping_policy", "node", "--mca", "hwloc_base_binding_policy", "core",
                           "--mca", "rmaps_ppr_n_pernode", "2", "--mca", "oob_tcp_if_include", "lo"}),
              (Args{"--mca", "oob_tcp_if_include", "lo"}));
    // Unknown options go with their values; odd words do not break the scan.
    EXPECT_EQ(copyJobArgs({"-c", "8", "--ppr", "2:node", "--", "-", "--npernode", "1", "--cpus-per-proc", "2", "-v"}), Args{});
    EXPECT_EQ(copyJobArgs({"--mca", "btl"}), (Args{"--mca", "btl"}));  // dangling: left to mpirun's message
    // In the command line: after lomaw's hostfile, before the copy job's own mapping.
    WorkerCopySpec spec;
    spec.mpirun = "mpirun";
    spec.executable = "/cache/mpi-K";
    spec.hostfile = "H";
    spec.extraArgs = {"-np", "4", "--map-by", "node", "--mca", "btl", "self,tcp"};
    Args argv = workerCopyCommand(spec, "abc");
    EXPECT_EQ(Args(argv.begin(), argv.begin() + 8),
              (Args{"mpirun", "--hostfile", "H", "--mca", "btl", "self,tcp", "--map-by", "ppr:1:node"}));
    EXPECT_EQ(std::count(argv.begin(), argv.end(), "--map-by"), 1);
    EXPECT_EQ(std::count(argv.begin(), argv.end(), "-np"), 0);
}

// Inside a Slurm or PBS allocation Open MPI reads the hosts itself: no --oversubscribe (which
// would pile every worker onto this node), no host list.
TEST(LaunchArguments, ABatchAllocationIsLeftToOpenMpi) {
    LaunchSpec spec = programsDW(4);
    for (const char* var : {"SLURM_JOB_ID", "PBS_JOBID"}) {
        ::setenv(var, "1234", 1);
        EXPECT_TRUE(insideAllocation());
        EXPECT_EQ(mpirunCommand(spec), (Args{"mpirun", "-np", "1", "D", "spawn", "W", "4", "in", "out"})) << var;
        ::unsetenv(var);
    }
    EXPECT_FALSE(insideAllocation());
    EXPECT_EQ(mpirunCommand(spec)[1], "--oversubscribe");
}

TEST(LaunchArguments, ThisMachineIsKnownByItsNames) {
    EXPECT_TRUE(isThisMachine("localhost"));
    EXPECT_TRUE(isThisMachine(thisHost()));
    EXPECT_FALSE(isThisMachine("no-such-host.invalid"));
}

}  // namespace
}  // namespace lomaw::dist::test

namespace lomaw::dist::test {
namespace {

// A worker hit by SIGABRT while MPI_Init still ran (before lomaw's handlers): Open MPI prints its
// own report and mpirun only says a process "returned a non-zero exit code". Text as captured.
TEST(FailureMessages, ASignalDuringStartUpIsNamed) {
    const std::string stderrText =
        "[vm:20521] *** Process received signal ***\n"
        "[vm:20521] Signal: Aborted (6)\n"
        "[vm:20521] Signal code: User function (kill, sigsend, abort, etc.) (0)\n"
        "Inconsistency detected by ld.so: dl-load.c: 1516: _dl_map_object_from_fd: Assertion `r->r_state == RT_ADD' failed!\n"
        "--------------------------------------------------------------------------\n"
        "Child job 2 terminated normally, but 1 process returned\n"
        "a non-zero exit code. Per user-direction, the job has been aborted.\n";
    LaunchOutcome out = explainFailure(stderrText, 127);
    EXPECT_EQ(out.kind, OutcomeKind::RuntimeError);
    EXPECT_EQ(out.message, "an MPI process of the job died with signal 6 (Aborted) while starting");
}

// SIGKILL cannot be caught: mpirun's status 128 + 9 is all there is.
TEST(FailureMessages, AStatusAbove128NamesTheSignal) {
    LaunchOutcome out = explainFailure("Child job 2 terminated normally, but 1 process returned\n"
                                       "a non-zero exit code. Per user-direction, the job has been aborted.\n",
                                       137);
    EXPECT_EQ(out.message.rfind("mpirun failed with status 137 (a process killed by signal 9, Killed):", 0), 0u)
        << out.message;
}

// Our worker's own line wins over Open MPI's report.
TEST(FailureMessages, TheWorkersOwnReportComesFirst) {
    LaunchOutcome out = explainFailure("lomaw-mpi: rank 2: input set 1: signal 11\n"
                                       "[vm:1] *** Process received signal ***\n[vm:1] Signal: Segmentation fault (11)\n",
                                       139);
    EXPECT_EQ(out.kind, OutcomeKind::RuntimeError);
    EXPECT_EQ(out.message, "worker rank 2: input set 1: crashed with signal 11 (Segmentation fault)");
}

}  // namespace
}  // namespace lomaw::dist::test
