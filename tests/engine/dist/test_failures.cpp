// Failures give a clear message naming the cause (and the rank and input set where a worker
// knows them), within seconds, and leave no process of the job behind.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <dirent.h>
#include <filesystem>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "DistTestSupport.h"
#include "cli/ProcessTable.h"

namespace lomaw::dist::test {
namespace {

// A build cache of its own per test that checks the process table, so that jobs of tests running
// at the same time (ctest -j) are not counted.
JobOptions isolatedOptions(const std::string& test, LaunchMode mode = LaunchMode::Spawn) {
    JobOptions o = jobOptions(2, mode);
    o.tools.cacheDir = std::string(kCache) + "-" + test;
    return o;
}

// Live (not zombie) processes running a program from the build cache `cacheDir` (mpirun, whose
// command line names the driver, included), oldest first.
std::vector<int> jobProcesses(const std::string& cacheDir) {
    std::vector<std::pair<unsigned long long, int>> started;  // (start time, pid)
    DIR* proc = opendir("/proc");
    while (dirent* d = readdir(proc)) {
        int pid = atoi(d->d_name);
        if (pid <= 0) continue;
        // Any process on the machine may end while we read it (readProcFile, not a stream).
        std::string base = std::string("/proc/") + d->d_name;
        std::string line = lomaw::test::readProcFile(base + "/stat");
        size_t close = line.rfind(')');
        if (close == std::string::npos || close + 2 >= line.size() || line[close + 2] == 'Z') continue;
        std::string cmdline = lomaw::test::readProcFile(base + "/cmdline");
        if (cmdline.find(cacheDir + "/mpi-") == std::string::npos) continue;
        // The compiler building the program (its files are named .tmp-) is not the job: killing
        // it would test a failed build, and a kill that lands as it exits tests nothing.
        if (cmdline.find(".tmp-") != std::string::npos) continue;
        // Field 22 of /proc/PID/stat is the start time; fields after the ')' start at 3.
        std::istringstream rest(line.substr(close + 2));
        std::string field;
        unsigned long long startTime = 0;
        for (int f = 3; f <= 22 && rest >> field; ++f)
            if (f == 22) startTime = std::stoull(field);
        started.emplace_back(startTime, pid);
    }
    closedir(proc);
    std::sort(started.begin(), started.end());
    std::vector<int> pids;
    for (const auto& [time, pid] : started) pids.push_back(pid);
    return pids;
}

int liveJobProcesses(const std::string& cacheDir) { return static_cast<int>(jobProcesses(cacheDir).size()); }

// Seconds of CPU the process has used (user + system, fields 14 and 15 of /proc/PID/stat).
double cpuSeconds(int pid) {
    std::string line = lomaw::test::readProcFile("/proc/" + std::to_string(pid) + "/stat");
    size_t close = line.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(line.substr(close + 2));
    std::string field;
    unsigned long long ticks = 0;
    for (int f = 3; f <= 15 && rest >> field; ++f)
        if (f >= 14) ticks += std::stoull(field);
    return static_cast<double>(ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

double secondsOf(const std::function<void()>& f) {
    auto t = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

TEST(DistFailures, DivisionByZeroNamesRankAndSet) {
    ast::Module m = compileKernel("failures.py");
    BatchResult r;
    // Sets 0..3 over 2 workers: rank 1 gets sets 0-1, rank 2 gets sets 2-3; set 3 divides by 0.
    JobOptions o = isolatedOptions("divide");
    double s = secondsOf([&] { r = runBatchJob(m, {"divide", "[[4, 2], [5, 1], [6, 3], [1, 0]]", std::nullopt}, o); });
    EXPECT_EQ(r.status.kind, JobStatus::Kind::RuntimeError);
    EXPECT_EQ(r.status.message, "worker rank 2: input set 3: integer division by zero");
    EXPECT_LT(s, 20);
    EXPECT_EQ(liveJobProcesses(o.tools.cacheDir), 0);
}

TEST(DistFailures, SegfaultNamesSignalRankAndSet) {
    ast::Module m = compileKernel("failures.py");
    JobOptions o = isolatedOptions("poke");
    BatchResult r = runBatchJob(m, {"poke", "[[[1.0], 0], [[1.0], 100000000]]", std::nullopt}, o);
    EXPECT_EQ(r.status.kind, JobStatus::Kind::RuntimeError);
    EXPECT_EQ(r.status.message, "worker rank 2: input set 1: crashed with signal 11 (Segmentation fault)");
    EXPECT_EQ(liveJobProcesses(o.tools.cacheDir), 0);
}

// Also nothing in $TMPDIR: mpirun's session directory (~16 MB) stayed there after every stopped
// job before it was made inside the job directory and mpirun got time to clean up.
TEST(DistFailures, TimeoutStopsEveryProcess) {
    ast::Module m = compileKernel("failures.py");
    JobOptions o = isolatedOptions("timeout");
    o.timeoutSeconds = 2;
    std::string tmp = o.tools.cacheDir + "-tmpdir";
    std::filesystem::remove_all(tmp);
    std::filesystem::create_directories(tmp);
    const char* oldTmp = std::getenv("TMPDIR");
    std::string saved = oldTmp ? oldTmp : "";
    setenv("TMPDIR", tmp.c_str(), 1);
    BatchResult r;
    double s = secondsOf([&] { r = runBatchJob(m, {"spin", "[[100000], [100000]]", std::nullopt}, o); });
    if (oldTmp) {
        setenv("TMPDIR", saved.c_str(), 1);
    } else {
        unsetenv("TMPDIR");
    }
    EXPECT_EQ(r.status.kind, JobStatus::Kind::TimedOut);
    EXPECT_EQ(r.status.message, "the MPI job timed out after 2 s and was stopped");
    EXPECT_LT(s, 10);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(liveJobProcesses(o.tools.cacheDir), 0);
    std::vector<std::string> left;
    for (const auto& e : std::filesystem::recursive_directory_iterator(tmp)) left.push_back(e.path().string());
    EXPECT_TRUE(left.empty()) << left.size() << " entries left, first " << left.front();
    std::filesystem::remove_all(tmp);
}

TEST(DistFailures, CancelStopsEveryProcess) {
    ast::Module m = compileKernel("failures.py");
    std::atomic<bool> cancel{false};
    JobOptions o = isolatedOptions("cancel", LaunchMode::Spmd);
    o.cancel = &cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        cancel = true;
    });
    BatchResult r = runBatchJob(m, {"spin", "[[100000], [100000]]", std::nullopt}, o);
    canceller.join();
    EXPECT_EQ(r.status.kind, JobStatus::Kind::Cancelled);
    EXPECT_EQ(r.status.message, "the MPI job was cancelled");
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(liveJobProcesses(o.tools.cacheDir), 0);
}

TEST(DistFailures, MissingMpirunAndMpicc) {
    ast::Module m = compileKernel("failures.py");
    JobOptions o = jobOptions(2);
    o.tools.mpirun = "/nonexistent/mpirun";
    BatchResult r = runBatchJob(m, {"divide", "[[4, 2]]", std::nullopt}, o);
    EXPECT_EQ(r.status.kind, JobStatus::Kind::EnvironmentError);
    EXPECT_NE(r.status.message.find("mpirun not found (/nonexistent/mpirun)"), std::string::npos) << r.status.message;
    o = jobOptions(2);
    o.tools.mpicc = "/nonexistent/mpicc";
    r = runBatchJob(m, {"divide", "[[4, 2]]", std::nullopt}, o);
    EXPECT_EQ(r.status.kind, JobStatus::Kind::EnvironmentError);
    EXPECT_NE(r.status.message.find("mpicc not found (/nonexistent/mpicc)"), std::string::npos) << r.status.message;
}

// mpirun called by a path through a symlinked directory takes its prefix from that path: found as
// /bin/mpirun (/bin -> usr/bin, on a PATH listing /bin first) it stopped at once with "A prefix
// was supplied to mpirun that only contained slashes" (exit 3). The directory is resolved.
TEST(DistFailures, MpirunThroughASymlinkedDirectoryRuns) {
    std::string real = findMpirun("").path;
    ASSERT_FALSE(real.empty());
    std::string realDir = std::filesystem::canonical(std::filesystem::path(real).parent_path()).string();
    std::string link = std::string(kCache) + "-linked-bin";
    std::filesystem::remove(link);
    std::filesystem::create_directory_symlink(realDir, link);
    EXPECT_EQ(findMpirun(link + "/mpirun").path, realDir + "/mpirun");
    std::filesystem::remove(link);
    std::error_code e;
    if (!std::filesystem::is_symlink("/bin", e) || std::filesystem::canonical("/bin/mpirun", e).empty())
        GTEST_SKIP() << "/bin is not a link to a directory with mpirun";
    ast::Module m = compileKernel("failures.py");
    JobOptions o = jobOptions(1, LaunchMode::Spmd);
    o.tools.mpirun = "/bin/mpirun";
    BatchResult r = runBatchJob(m, {"divide", "[[7, 2]]", std::nullopt}, o);
    EXPECT_EQ(r.status.kind, JobStatus::Kind::Ok) << r.status.message;
    EXPECT_EQ(r.results, std::vector<std::string>{"{\"return\": 3, \"args\": [7, 2]}"});
}

// mpicc whose linker the kernel killed (out of memory): GCC's collect2 says so and exits 1. Not
// "the generated MPI program does not compile" (an engine bug, exit 4 with the source kept), but
// the machine's fault, named by the signal -- as for the C compiler of `lomaw run`.
TEST(DistFailures, MpiccKilledBySignalIsAnEnvironmentError) {
    std::string dir = std::string(kCache) + "-killed-mpicc";
    std::filesystem::create_directories(dir);
    std::string mpicc = dir + "/mpicc";
    std::ofstream(mpicc) << "#!/bin/sh\necho 'collect2: fatal error: ld terminated with signal 9 [Killed]' >&2\nexit 1\n";
    chmod(mpicc.c_str(), 0755);
    MpiTools tools;
    tools.mpicc = mpicc;
    tools.cacheDir = dir + "/cache";
    ProgramBuild built = buildMpiProgram("int main(void) { return 0; }\n", tools);
    EXPECT_EQ(built.kind, OutcomeKind::EnvironmentError);
    EXPECT_EQ(built.message, "mpicc " + mpicc + " was killed by signal 9 (Killed) while building (out of memory, or "
                             "stopped by someone else):\ncollect2: fatal error: ld terminated with signal 9 [Killed]\n");
    std::filesystem::remove_all(dir);
}

// A process that dies inside MPI_Init (before lomaw's handlers) gets Open MPI's own report, and a
// spawned worker dying there can leave mpirun waiting for ever: the job is stopped two seconds
// after the report, not at --timeout. The stand-in mpirun prints the report and hangs.
TEST(DistFailures, ACrashWhileStartingStopsTheJobBeforeTheTimeout) {
    std::string dir = std::string(kCache) + "-start-crash";
    std::filesystem::create_directories(dir);
    LaunchSpec spec;
    spec.mpirun = dir + "/mpirun";
    std::ofstream(spec.mpirun) << "#!/bin/sh\n"
                                  "echo '[vm:7] *** Process received signal ***' >&2\n"
                                  "echo '[vm:7] Signal: Aborted (6)' >&2\n"
                                  "echo '[vm:7] *** End of error message ***' >&2\n"
                                  "exec sleep 60\n";
    chmod(spec.mpirun.c_str(), 0755);
    spec.driver = spec.worker = dir + "/program";
    spec.workers = 1;
    spec.inputPath = dir + "/job.bin";
    spec.outputPath = dir + "/results.bin";
    spec.timeoutSeconds = 20;
    auto start = std::chrono::steady_clock::now();
    LaunchOutcome out = launchJob(spec);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(out.kind, OutcomeKind::RuntimeError) << out.message;
    EXPECT_EQ(out.message, "an MPI process of the job died with signal 6 (Aborted) while starting");
    EXPECT_GE(seconds, 2.0);
    EXPECT_LT(seconds, 10.0);
    std::filesystem::remove_all(dir);
}

TEST(DistFailures, UnresolvableHostInHostfile) {
    ast::Module m = compileKernel("failures.py");
    std::string path = "/tmp/lomaw-dist-test-hostfile";
    std::ofstream(path) << "# two machines\nlocalhost slots=2\nno-such-host.invalid slots=2\n";
    JobOptions o = jobOptions(2);
    o.hostfile = path;
    BatchResult r;
    double s = secondsOf([&] { r = runBatchJob(m, {"divide", "[[4, 2]]", std::nullopt}, o); });
    EXPECT_EQ(r.status.kind, JobStatus::Kind::EnvironmentError);
    EXPECT_NE(r.status.message.find("host 'no-such-host.invalid' cannot be resolved"), std::string::npos) << r.status.message;
    EXPECT_LT(s, 10);
}

TEST(DistFailures, UnreachableHostInHostfile) {
    ast::Module m = compileKernel("failures.py");
    std::string path = "/tmp/lomaw-dist-test-hostfile2";
    std::ofstream(path) << "192.0.2.1 slots=2\n";  // TEST-NET-1: never answers
    JobOptions o = jobOptions(2);
    o.hostfile = path;
    BatchResult r;
    double s = secondsOf([&] { r = runBatchJob(m, {"divide", "[[4, 2]]", std::nullopt}, o); });
    EXPECT_EQ(r.status.kind, JobStatus::Kind::EnvironmentError);
    EXPECT_EQ(r.status.message.rfind("hostfile " + path + ": host '192.0.2.1' is unreachable", 0), 0u) << r.status.message;
    EXPECT_LT(s, 10);
}

// A worker that dies from outside mid-job — killed (SIGKILL: a user, the OOM killer) or
// aborting (SIGABRT) — in both launch modes: a clear error within seconds, nothing left behind.
struct DeadWorkerCase {
    int signal;
    LaunchMode mode;
};

void PrintTo(const DeadWorkerCase& c, std::ostream* os) {
    *os << (c.signal == SIGKILL ? "SIGKILL" : "SIGABRT") << " in " << (c.mode == LaunchMode::Spmd ? "spmd" : "spawn")
        << " mode";
}

class DeadWorker : public testing::TestWithParam<DeadWorkerCase> {};

TEST_P(DeadWorker, IsReportedAndNothingIsLeftBehind) {
    const DeadWorkerCase c = GetParam();
    ast::Module m = compileKernel("failures.py");
    JobOptions o = isolatedOptions("dead-" + std::to_string(c.signal) + (c.mode == LaunchMode::Spmd ? "-spmd" : ""),
                                   c.mode);
    o.timeoutSeconds = 60;  // a safety net: the failure must be reported long before this
    std::atomic<bool> killed{false};
    std::thread killer([&] {
        // mpirun, the driver and two workers: the newest process is a worker (in spmd mode the
        // ranks start together; any rank but the oldest will do).
        for (int i = 0; i < 400 && !killed; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            std::vector<int> pids = jobProcesses(o.tools.cacheDir);
            // Into the computation: the worker has spun for a while (a kill inside MPI_Init,
            // before the worker's handlers exist, is a different case; under load it lasts long).
            if (pids.size() >= 4 && cpuSeconds(pids.back()) >= 0.5) killed = ::kill(pids.back(), c.signal) == 0;
        }
    });
    BatchResult r;
    double s = secondsOf([&] { r = runBatchJob(m, {"spin", "[[100000], [100000]]", std::nullopt}, o); });
    killer.join();
    ASSERT_TRUE(killed) << "the job's processes never appeared";
    EXPECT_NE(r.status.kind, JobStatus::Kind::Ok);
    EXPECT_NE(r.status.kind, JobStatus::Kind::TimedOut) << r.status.message;
    EXPECT_NE(r.status.message.find("signal " + std::to_string(c.signal)), std::string::npos) << r.status.message;
    EXPECT_LT(s, 20);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(liveJobProcesses(o.tools.cacheDir), 0);
}

INSTANTIATE_TEST_SUITE_P(Signals, DeadWorker,
                         testing::Values(DeadWorkerCase{SIGKILL, LaunchMode::Spawn}, DeadWorkerCase{SIGABRT, LaunchMode::Spawn},
                                         DeadWorkerCase{SIGKILL, LaunchMode::Spmd}),
                         [](const testing::TestParamInfo<DeadWorkerCase>& info) {
                             return std::string(info.param.signal == SIGKILL ? "Kill" : "Abort") +
                                    (info.param.mode == LaunchMode::Spmd ? "Spmd" : "Spawn");
                         });

}  // namespace
}  // namespace lomaw::dist::test
