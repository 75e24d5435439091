// Stopping a run leaves nothing behind: SIGINT, SIGTERM or SIGKILL to `lomaw mpirun` while the
// workers compute, and to `lomaw run` while the C compiler runs (a slow stand-in via --cc). After
// the deadline -- 2 s for SIGINT/SIGTERM, 5 s for SIGKILL -- the process table holds no process
// of the run (mpirun, driver, workers, compiler, guardians) and no temporary file is left, nor
// the workers' shared-memory segments.
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "ProcessTable.h"

namespace lomaw::test {
namespace {

namespace fs = std::filesystem;

struct Case {
    int signal;
    const char* name;
};

std::string signalName(int sig) { return sig == SIGINT ? "int" : sig == SIGTERM ? "term" : "kill"; }

// Writes `text` unless the file already holds it (kernels keep their cache key across runs).
void writeIfChanged(const fs::path& path, const std::string& text) {
    std::ifstream in(path);
    std::string old((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (old != text) std::ofstream(path) << text;
}

// A fresh directory for one case; anything a crashed earlier run left is killed first.
fs::path caseDirectory(const std::string& name) {
    fs::path dir = fs::path(LOMAW_TEST_BINARY_DIR) / "stop-tests" / name;
    for (const std::string& p : processesMentioning(dir.string())) kill(std::stoi(p), SIGKILL);
    fs::create_directories(dir / "tmp");
    for (const auto& e : fs::directory_iterator(dir / "tmp")) fs::remove_all(e.path());
    return dir;
}

bool jobDirectoriesIn(const fs::path& tmp) {
    for (const auto& e : fs::directory_iterator(tmp))
        if (e.path().filename().string().rfind("lomaw-mpi-", 0) == 0) return true;
    return false;
}

// The job directory lomaw made in `tmp` (lomaw-mpi-XXXXXX), or "".
std::string jobDirectoryName(const fs::path& tmp) {
    for (const auto& e : fs::directory_iterator(tmp))
        if (e.path().filename().string().rfind("lomaw-mpi-", 0) == 0) return e.path().filename().string();
    return "";
}

// The job's shared-memory directory holds the workers' segments (vader_segment.*).
bool holdsSegments(const void* context) {
    const fs::path& shm = *static_cast<const fs::path*>(context);
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(shm, ec))
        if (e.path().filename().string().rfind("vader_segment.", 0) == 0) return true;
    return false;
}

struct Leftovers {
    std::string marker;   // every process of the run mentions it
    std::string marker2;  // "" or a second one (the stand-in compiler's sleep)
    fs::path tmp;         // no lomaw-mpi-* here
    fs::path cache;       // no temporary build file here
    fs::path shm;         // "" or the job's shared-memory directory: gone
};

std::vector<std::string> whatIsLeft(const Leftovers& l) {
    std::vector<std::string> left = processesMentioning(l.marker);
    if (!l.marker2.empty())
        for (const std::string& p : processesMentioning(l.marker2)) left.push_back(p);
    if (!l.tmp.empty() && fs::exists(l.tmp) && jobDirectoriesIn(l.tmp)) left.push_back("a lomaw-mpi-* directory");
    if (!l.shm.empty() && fs::exists(l.shm)) left.push_back("the shared-memory directory " + l.shm.string());
    if (!l.cache.empty() && fs::exists(l.cache))
        for (const auto& e : fs::directory_iterator(l.cache)) {
            // A build's temporaries: KEY.tmp-UNIQUE.{c,so} and the compiler probe's compiler-probe-UNIQUE.{c,so}.
            std::string f = e.path().filename().string(), ext = e.path().extension().string();
            bool probe = f.rfind("compiler-probe-", 0) == 0 && (ext == ".c" || ext == ".so");
            if (f.find(".tmp-") != std::string::npos || probe) left.push_back("temporary file " + f);
        }
    return left;
}

bool nothingLeft(const void* context) { return whatIsLeft(*static_cast<const Leftovers*>(context)).empty(); }

std::string join(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& l : lines) out += "\n  " + l;
    return out;
}

double deadlineFor(int sig) { return sig == SIGKILL ? 5.0 : 2.0; }

class StopMpiRun : public ::testing::TestWithParam<int> {};

TEST_P(StopMpiRun, TheWholeJobIsGoneAfterTheDeadline) {
    const int sig = GetParam();
    fs::path dir = caseDirectory("mpirun-" + signalName(sig));
    // Each input set spins for minutes: the job is surely computing when the signal comes.
    std::string function = "spin_" + signalName(sig);
    writeIfChanged(dir / "spin.py", "def " + function +
                                        "(n : In[int]) -> float:\n"
                                        "    x : float = 0.0\n"
                                        "    for i in range(n):\n"
                                        "        for j in range(n):\n"
                                        "            x = x + 0.5\n"
                                        "    return x\n");
    writeIfChanged(dir / "batch.json", "[[1000000], [1000000]]");
    fs::path cache = dir / "cache";
    pid_t lomaw = startInBackground({LOMAW_CLI, "mpirun", (dir / "spin.py").string(), function, "--batch",
                                     (dir / "batch.json").string(), "--workers", "2"},
                                    {"LOMAW_CACHE_DIR=" + cache.string(), "TMPDIR=" + (dir / "tmp").string()},
                                    (dir / "out.txt").string(), (dir / "err.txt").string());
    ASSERT_GT(lomaw, 0);
    // Running: the driver and both workers (programs from the cache) are up.
    struct Probe {
        std::string programs;
    } probe{(cache / "mpi-").string()};
    auto computing = [](const void* c) { return processesRunningProgramsFrom(static_cast<const Probe*>(c)->programs) >= 3; };
    bool up = eventually(120, computing, &probe);  // the first run builds the programs
    if (!up) kill(lomaw, SIGKILL);
    ASSERT_TRUE(up) << join(processesMentioning(dir.string()));
    usleep(300000);  // past MPI_Init, into the kernel
    // The workers' shared-memory segments are in a directory of the job's own, in /dev/shm
    // under the job directory's name (Open MPI's default would be /dev/shm itself).
    std::string job = jobDirectoryName(dir / "tmp");
    ASSERT_FALSE(job.empty());
    fs::path shm = fs::path("/dev/shm") / job;
    bool segments = eventually(10, holdsSegments, &shm);
    if (!segments) kill(lomaw, SIGKILL);
    ASSERT_TRUE(segments) << shm;

    kill(lomaw, sig);
    int status = 0;
    ASSERT_TRUE(waitForExit(lomaw, deadlineFor(sig), status)) << "lomaw did not end after signal " << sig;
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << "status " << status;
    Leftovers l{dir.string(), "", dir / "tmp", {}, shm};
    EXPECT_TRUE(eventually(deadlineFor(sig), nothingLeft, &l)) << join(whatIsLeft(l));
}

INSTANTIATE_TEST_SUITE_P(Signals, StopMpiRun, ::testing::Values(SIGINT, SIGTERM, SIGKILL),
                         [](const ::testing::TestParamInfo<int>& i) { return "SIG" + signalName(i.param); });

class StopCompile : public ::testing::TestWithParam<int> {};

TEST_P(StopCompile, TheCompilerAndItsTemporaryFilesAreGone) {
    const int sig = GetParam();
    fs::path dir = caseDirectory("run-" + signalName(sig));
    // A compiler that takes 30 s; its sleep carries a number no other process has.
    std::string sleepMarker = "sleep 30 0.7" + std::to_string(sig) + std::to_string(getpid());
    fs::path cc = dir / "slow-cc.sh";
    std::ofstream(cc) << "#!/bin/sh\n" << sleepMarker << "\n";
    fs::permissions(cc, fs::perms::owner_all);
    writeIfChanged(dir / "k.py", "def twice(x : In[float]) -> float:\n    return 2.0 * x\n");
    fs::path cache = dir / "cache";
    fs::remove_all(cache);
    pid_t lomaw = startInBackground({LOMAW_CLI, "--cc", cc.string(), "run", (dir / "k.py").string(), "twice", "--args",
                                     "[1.0]"},
                                    {"LOMAW_CACHE_DIR=" + cache.string()}, (dir / "out.txt").string(),
                                    (dir / "err.txt").string());
    ASSERT_GT(lomaw, 0);
    struct Probe {
        std::string marker;
    } probe{sleepMarker};
    auto compiling = [](const void* c) { return !processesMentioning(static_cast<const Probe*>(c)->marker).empty(); };
    bool up = eventually(30, compiling, &probe);
    if (!up) kill(lomaw, SIGKILL);
    ASSERT_TRUE(up);

    kill(lomaw, sig);
    int status = 0;
    ASSERT_TRUE(waitForExit(lomaw, deadlineFor(sig), status)) << "lomaw did not end after signal " << sig;
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << "status " << status;
    Leftovers l{dir.string(), sleepMarker, {}, cache, {}};
    EXPECT_TRUE(eventually(deadlineFor(sig), nothingLeft, &l)) << join(whatIsLeft(l));
}

INSTANTIATE_TEST_SUITE_P(Signals, StopCompile, ::testing::Values(SIGINT, SIGTERM, SIGKILL),
                         [](const ::testing::TestParamInfo<int>& i) { return "SIG" + signalName(i.param); });

}  // namespace
}  // namespace lomaw::test
