// Failures give a clear message naming the cause (and the rank and input set where a worker
// knows them), within seconds, and leave no process of the job behind.
#include <chrono>
#include <dirent.h>
#include <fstream>
#include <thread>

#include "DistTestSupport.h"

namespace lomaw::dist::test {
namespace {

// A build cache of its own per test that checks the process table, so that jobs of tests running
// at the same time (ctest -j) are not counted.
JobOptions isolatedOptions(const std::string& test, LaunchMode mode = LaunchMode::Spawn) {
    JobOptions o = jobOptions(2, mode);
    o.tools.cacheDir = std::string(kCache) + "-" + test;
    return o;
}

// Live (not zombie) processes running a program from the build cache `cacheDir`.
int liveJobProcesses(const std::string& cacheDir) {
    int count = 0;
    DIR* proc = opendir("/proc");
    while (dirent* d = readdir(proc)) {
        if (atoi(d->d_name) <= 0) continue;
        std::string base = std::string("/proc/") + d->d_name;
        std::ifstream stat(base + "/stat");
        std::string line;
        std::getline(stat, line);
        size_t close = line.rfind(')');
        if (close == std::string::npos || close + 2 >= line.size() || line[close + 2] == 'Z') continue;
        std::ifstream cmd(base + "/cmdline");
        std::string cmdline((std::istreambuf_iterator<char>(cmd)), std::istreambuf_iterator<char>());
        if (cmdline.find(cacheDir + "/mpi-") != std::string::npos) ++count;
    }
    closedir(proc);
    return count;
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

TEST(DistFailures, TimeoutStopsEveryProcess) {
    ast::Module m = compileKernel("failures.py");
    JobOptions o = isolatedOptions("timeout");
    o.timeoutSeconds = 2;
    BatchResult r;
    double s = secondsOf([&] { r = runBatchJob(m, {"spin", "[[100000], [100000]]", std::nullopt}, o); });
    EXPECT_EQ(r.status.kind, JobStatus::Kind::TimedOut);
    EXPECT_EQ(r.status.message, "the MPI job timed out after 2 s and was stopped");
    EXPECT_LT(s, 10);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_EQ(liveJobProcesses(o.tools.cacheDir), 0);
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
    EXPECT_EQ(r.status.kind, JobStatus::Kind::ToolchainError);
    EXPECT_NE(r.status.message.find("mpirun not found (/nonexistent/mpirun)"), std::string::npos) << r.status.message;
    o = jobOptions(2);
    o.tools.mpicc = "/nonexistent/mpicc";
    r = runBatchJob(m, {"divide", "[[4, 2]]", std::nullopt}, o);
    EXPECT_EQ(r.status.kind, JobStatus::Kind::ToolchainError);
    EXPECT_NE(r.status.message.find("mpicc not found (/nonexistent/mpicc)"), std::string::npos) << r.status.message;
}

TEST(DistFailures, UnresolvableHostInHostfile) {
    ast::Module m = compileKernel("failures.py");
    std::string path = "/tmp/lomaw-dist-test-hostfile";
    std::ofstream(path) << "# two machines\nlocalhost slots=2\nno-such-host.invalid slots=2\n";
    JobOptions o = jobOptions(2);
    o.hostfile = path;
    BatchResult r;
    double s = secondsOf([&] { r = runBatchJob(m, {"divide", "[[4, 2]]", std::nullopt}, o); });
    EXPECT_EQ(r.status.kind, JobStatus::Kind::ToolchainError);
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
    EXPECT_EQ(r.status.kind, JobStatus::Kind::ToolchainError);
    EXPECT_EQ(r.status.message.rfind("hostfile " + path + ": host '192.0.2.1' is unreachable", 0), 0u) << r.status.message;
    EXPECT_LT(s, 10);
}

}  // namespace
}  // namespace lomaw::dist::test
