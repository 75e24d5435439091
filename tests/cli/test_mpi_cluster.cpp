// A simulated two-node cluster on this machine: host names lomaw-node1 and lomaw-node2 (added to
// /etc/hosts for the run, at 127.0.1.11/12, which Open MPI does not take for this machine), and
// Open MPI's ssh launcher replaced (--mca plm_rsh_agent) by a stand-in that runs the command in a
// private mount namespace with a fresh tmpfs on /tmp and the node's host name -- each node has
// its own /tmp, as on a real cluster; the build tree (like a home directory) is shared, except
// cluster/node-cache (on each node its own directory cluster/node-cache-NODE is mounted there: a
// build cache on node-local disks, kept between jobs) and cluster/readonly-cache (read-only on
// the nodes). The shared-memory BTL does not work across
// such namespaces, so the runs use --mca btl self,tcp.
// Results must equal a one-machine run. Needs root (mount namespaces, /etc/hosts); skipped
// otherwise.
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "Process.h"
#include "ProcessTable.h"

namespace lomaw::test {
namespace {

namespace fs = std::filesystem;

const char* kHostsLines[] = {"127.0.1.11 lomaw-node1", "127.0.1.12 lomaw-node2"};

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

class SimulatedCluster : public ::testing::Environment {
public:
    static inline std::string skipReason;
    static inline fs::path dir;

    void SetUp() override {
        dir = fs::path(LOMAW_TEST_BINARY_DIR) / "cluster";
        fs::create_directories(dir);
        if (geteuid() != 0) {
            skipReason = "needs root (mount namespaces, /etc/hosts)";
            return;
        }
        // Each node gets a fresh /tmp: a build (programs, caches) under /tmp is not there.
        if (fs::weakly_canonical(dir).string().rfind("/tmp/", 0) == 0) {
            skipReason = "the build directory is under /tmp, which each simulated node replaces";
            return;
        }
        if (std::system("unshare -m -u sh -c 'mount -t tmpfs tmpfs /tmp && hostname lomaw-probe' 2>/dev/null") != 0) {
            skipReason = "unshare -m -u with a tmpfs on /tmp does not work here";
            return;
        }
        // The stand-in for ssh: `agent [options] HOST COMMAND...` runs COMMAND on "HOST".
        fs::create_directories(dir / "node-cache");
        fs::create_directories(dir / "readonly-cache");
        std::ofstream(dir / "agent.sh") << "#!/bin/sh\n"
                                           "while [ $# -gt 0 ]; do case \"$1\" in -*) shift;; *) break;; esac; done\n"
                                           "host=\"$1\"; shift\n"
                                           "exec unshare -m -u sh -c 'mount -t tmpfs tmpfs /tmp && "
                                           "mkdir -p \"$2-$0\" && mount --bind \"$2-$0\" \"$2\" && "
                                           "mount -t tmpfs -o ro tmpfs \"$3\" && "
                                           "hostname \"$0\" && exec sh -c \"$1\"' \"$host\" \"$*\" "
                                        << (dir / "node-cache") << ' ' << (dir / "readonly-cache") << "\n";
        fs::permissions(dir / "agent.sh", fs::perms::owner_all);
        std::ofstream(dir / "hosts") << "lomaw-node1 slots=1\nlomaw-node2 slots=1\n";
        std::string hosts = slurp("/etc/hosts");
        std::ofstream out("/etc/hosts", std::ios::app);
        for (const char* line : kHostsLines)
            if (hosts.find(line) == std::string::npos) {
                if (!hosts.empty() && hosts.back() != '\n') out << '\n';
                out << line << '\n';
                hosts += std::string(line) + "\n";
                added_.push_back(line);
            }
        if (!out.flush()) skipReason = "cannot add the node names to /etc/hosts";
    }

    void TearDown() override {
        if (added_.empty()) return;
        std::string hosts = slurp("/etc/hosts"), kept;
        std::istringstream lines(hosts);
        for (std::string line; std::getline(lines, line);) {
            bool ours = false;
            for (const std::string& a : added_) ours = ours || line == a;
            if (!ours) kept += line + "\n";
        }
        std::ofstream("/etc/hosts", std::ios::trunc) << kept;  // in place: /etc/hosts may be a mount
    }

private:
    std::vector<std::string> added_;
};

::testing::Environment* const kCluster = ::testing::AddGlobalTestEnvironment(new SimulatedCluster);

std::string thisHost() {
    char name[256] = {0};
    gethostname(name, sizeof name - 1);
    return name;
}

// lomaw with a cache in the shared build tree (or `cache`), on the cluster or on this machine;
// `mpirunArgs` are the user's own --mpirun-args, after the agent's and the BTLs.
ProcessResult lomawOn(bool cluster, std::vector<std::string> args, const std::string& cache = "",
                      const std::string& mpirunArgs = "") {
    std::vector<std::string> argv{"/usr/bin/env", "LOMAW_CACHE_DIR=" + (cache.empty() ? (SimulatedCluster::dir / "cache").string() : cache),
                                  LOMAW_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    if (cluster) {
        argv.insert(argv.end(), {"--hostfile", (SimulatedCluster::dir / "hosts").string(), "--mpirun-args",
                                 "--mca plm_rsh_agent " + (SimulatedCluster::dir / "agent.sh").string() +
                                     " --mca btl self,tcp" + (mpirunArgs.empty() ? "" : " " + mpirunArgs),
                                 "--timeout", "60"});
    }
    return runProcess(argv);
}

#define SKIP_WITHOUT_CLUSTER() \
    if (!SimulatedCluster::skipReason.empty()) GTEST_SKIP() << SimulatedCluster::skipReason

const char* kAffine =
    "def affine(x : In[float], a : In[Array[float]], y : Out[float]) -> float:\n"
    "    y = a[0] * x\n"
    "    return a[0] * x + a[1]\n";

fs::path writeBatch() {
    fs::path kernel = SimulatedCluster::dir / "affine.py", batch = SimulatedCluster::dir / "batch.json";
    if (slurp(kernel) != kAffine) std::ofstream(kernel) << kAffine;
    std::ofstream(batch) << "[[1.0, [2.0, 3.0], 0.0], [2.0, [1.0, -1.0], 5.0], [0.5, [4.0, 0.0], 1.0], "
                            "[-3.0, [1.5, 2.5], 0.0]]";
    return kernel;
}

TEST(SimulatedCluster, SpmdBatchAcrossTwoNodesEqualsOneMachineAndReportsEveryHost) {
    SKIP_WITHOUT_CLUSTER();
    fs::path kernel = writeBatch(), timings = SimulatedCluster::dir / "timings.json";
    std::string batch = (SimulatedCluster::dir / "batch.json").string();
    ProcessResult local = lomawOn(false, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2"});
    ASSERT_EQ(local.exitCode, 0) << local.err;
    // The job files stay in this machine's /tmp, which no node sees; the nodes run the worker
    // from the build cache in the shared build tree.
    ProcessResult cluster = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                           "--launch", "spmd", "--timings", timings.string()});
    ASSERT_EQ(cluster.exitCode, 0) << cluster.err;
    EXPECT_EQ(nlohmann::json::parse(cluster.out), nlohmann::json::parse(local.out));
    // By hand: set 0 returns 2*1 + 3 = 5 and writes y = 2.
    EXPECT_EQ(nlohmann::json::parse(cluster.out)[0], nlohmann::json::parse(R"({"return": 5, "args": [1, [2, 3], 2]})"));
    // The driver ran here; one worker on each node, two sets each (contiguous shares).
    nlohmann::json t = nlohmann::json::parse(slurp(timings));
    ASSERT_EQ(t["ranks"].size(), 3u) << t.dump();
    EXPECT_EQ(t["ranks"][0]["host"], thisHost());
    EXPECT_EQ(t["ranks"][0]["role"], "driver");
    std::set<std::string> workerHosts{t["ranks"][1]["host"].get<std::string>(), t["ranks"][2]["host"].get<std::string>()};
    EXPECT_EQ(workerHosts, (std::set<std::string>{"lomaw-node1", "lomaw-node2"}));
    ASSERT_EQ(t["hosts"].size(), 2u) << t.dump();
    for (const auto& h : t["hosts"]) {
        EXPECT_EQ(h["workers"], 1);
        EXPECT_EQ(h["items"], 2);
        EXPECT_GE(h["compute"].get<double>(), 0.0);
    }
}

TEST(SimulatedCluster, SpawnedWorkersOnTwoNodesEqualOneMachine) {
    SKIP_WITHOUT_CLUSTER();
    fs::path kernel = writeBatch();
    std::string batch = (SimulatedCluster::dir / "batch.json").string();
    ProcessResult local = lomawOn(false, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2"});
    ASSERT_EQ(local.exitCode, 0) << local.err;
    // The driver spawns the workers; Open MPI places them on the hostfile's nodes.
    ProcessResult cluster = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                           "--launch", "spawn"});
    ASSERT_EQ(cluster.exitCode, 0) << cluster.err;
    EXPECT_EQ(nlohmann::json::parse(cluster.out), nlohmann::json::parse(local.out));
}

// The polynomial descent of examples/ on one machine and on the two nodes (SPMD), with the build
// cache `cache` ("" : the shared one): same printed step, same trajectory. Returns the cluster
// run's stderr.
std::string optimizeHereAndThere(const std::string& cache) {
    std::vector<std::string> args = {"optimize", LOMAW_EXAMPLES "/mpi_polynomial_descent.py", "poly_loss_grad",
                                     "--init", "[2.0, 2.0]", "--data", LOMAW_EXAMPLES "/mpi_polynomial_terms.json",
                                     "--steps", "50", "--lr", "0.05", "--workers", "2", "--trajectory"};
    fs::path here = SimulatedCluster::dir / "here.json", there = SimulatedCluster::dir / "there.json";
    std::vector<std::string> local = args, cluster = args;
    local.push_back(here.string());
    cluster.insert(cluster.end(), {there.string(), "--launch", "spmd"});
    ProcessResult a = lomawOn(false, local, cache), b = lomawOn(true, cluster, cache);
    EXPECT_EQ(a.exitCode, 0) << a.err;
    EXPECT_EQ(b.exitCode, 0) << b.err;
    EXPECT_EQ(b.out, a.out);
    EXPECT_EQ(slurp(there), slurp(here));
    // p(x, y) = x^3 + y^3 - 3xy starts at p(2, 2) = 4.
    EXPECT_NEAR(nlohmann::json::parse(slurp(there))[0]["loss"].get<double>(), 4.0, 1e-6);
    return b.err;
}

TEST(SimulatedCluster, OptimizeAcrossTwoNodesEqualsOneMachine) {
    SKIP_WITHOUT_CLUSTER();
    optimizeHereAndThere("");
}

// A build cache on node-local disks: the same path on every node, empty there. --preload auto
// (the default) finds that a node cannot run the program, copies it with a first small mpirun job
// and launches again; --preload yes copies before the job. SPMD, spawn and optimize all give the
// one-machine results.
std::string nodeCache() { return (SimulatedCluster::dir / "node-cache").string(); }

// The node-local disks of the nodes emptied (a fresh cluster).
void emptyNodeCaches() {
    for (const char* node : {"lomaw-node1", "lomaw-node2"})
        fs::remove_all(SimulatedCluster::dir / (std::string("node-cache-") + node));
}

TEST(SimulatedCluster, ANodeLocalCacheGetsTheProgramCopiedForSpmdAndSpawn) {
    SKIP_WITHOUT_CLUSTER();
    fs::path kernel = writeBatch();
    std::string batch = (SimulatedCluster::dir / "batch.json").string();
    ProcessResult local = lomawOn(false, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2"}, nodeCache());
    ASSERT_EQ(local.exitCode, 0) << local.err;
    for (const char* mode : {"spmd", "spawn"}) {
        emptyNodeCaches();
        ProcessResult cluster = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                               "--launch", mode}, nodeCache());
        ASSERT_EQ(cluster.exitCode, 0) << mode << ": " << cluster.err;
        EXPECT_EQ(nlohmann::json::parse(cluster.out), nlohmann::json::parse(local.out)) << mode;
        // Each node started with an empty cache of its own: both got the program.
        EXPECT_NE(cluster.err.find("lomaw: note: copied " + nodeCache() + "/mpi-"), std::string::npos) << cluster.err;
        EXPECT_NE(cluster.err.find("lomaw-node1"), std::string::npos) << cluster.err;
        EXPECT_NE(cluster.err.find("lomaw-node2"), std::string::npos) << cluster.err;
    }
    // The nodes keep their copies (node-local disks): the next job finds them and copies nothing.
    ProcessResult again = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                         "--launch", "spmd"}, nodeCache());
    ASSERT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.err.find("note: copied"), std::string::npos) << again.err;
    emptyNodeCaches();
    // With a process count and a mapping of the user's: they are the job's; the copy job, one shell
    // per node, leaves them out (with "-np 4" it would ask for 4 shells on 3 nodes and fail).
    ProcessResult yes = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                       "--launch", "spmd", "--preload", "yes"}, nodeCache(), "-np 4 --map-by node");
    ASSERT_EQ(yes.exitCode, 0) << yes.err;
    EXPECT_EQ(nlohmann::json::parse(yes.out), nlohmann::json::parse(local.out));
    EXPECT_EQ(yes.err.find("note: copied"), std::string::npos) << "yes copies before the job, silently: " << yes.err;
    // Each node's disk now holds the program, byte for byte, private (0700), with its hash beside it.
    for (const char* node : {"lomaw-node1", "lomaw-node2"}) {
        int programs = 0;
        for (const auto& e : fs::directory_iterator(SimulatedCluster::dir / (std::string("node-cache-") + node))) {
            std::string name = e.path().filename().string();
            if (name.rfind("mpi-", 0) != 0 || name.find('.') != std::string::npos) continue;
            ++programs;
            fs::path original = fs::path(nodeCache()) / name;
            EXPECT_EQ(slurp(e.path()), slurp(original)) << e.path();
            EXPECT_EQ(fs::status(e.path()).permissions(), fs::perms::owner_all) << e.path();
            EXPECT_EQ(slurp(e.path().string() + ".sha256"), slurp(original.string() + ".sha256")) << e.path();
        }
        EXPECT_EQ(programs, 1) << node;
    }
}

TEST(SimulatedCluster, OptimizeWithANodeLocalCacheEqualsOneMachine) {
    SKIP_WITHOUT_CLUSTER();
    emptyNodeCaches();
    std::string err = optimizeHereAndThere(nodeCache());
    EXPECT_NE(err.find("lomaw: note: copied "), std::string::npos) << err;
}

TEST(SimulatedCluster, AWorkerMissingOnANodeIsAnErrorNamingTheNode) {
    SKIP_WITHOUT_CLUSTER();
    fs::path kernel = writeBatch();
    std::string batch = (SimulatedCluster::dir / "batch.json").string();
    // --preload no: the program is not copied, and no node has it.
    emptyNodeCaches();
    ProcessResult missing = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                           "--launch", "spmd", "--preload", "no"},
                                    nodeCache());
    EXPECT_EQ(missing.exitCode, 4) << missing.err;
    EXPECT_NE(missing.err.find("lomaw: error: node lomaw-node"), std::string::npos) << missing.err;
    EXPECT_NE(missing.err.find(" cannot run " + nodeCache() + "/mpi-"), std::string::npos) << missing.err;
    EXPECT_NE(missing.err.find("not on a filesystem that node sees"), std::string::npos) << missing.err;
    EXPECT_EQ(missing.out, "");
}

TEST(SimulatedCluster, ACopyThatCannotBeStoredIsAnErrorNamingTheNodeAndTheFile) {
    SKIP_WITHOUT_CLUSTER();
    fs::path kernel = writeBatch();
    std::string batch = (SimulatedCluster::dir / "batch.json").string();
    std::string readonly = (SimulatedCluster::dir / "readonly-cache").string();
    ProcessResult r = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                     "--launch", "spmd", "--preload", "yes"},
                              readonly);
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_NE(r.err.find("lomaw: error: cannot copy " + readonly + "/mpi-"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(" to node lomaw-node"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(": cannot write " + readonly + "/mpi-"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

// What is left of a job run from `dir` (its kernel, cache and TMPDIR there) on the cluster: its
// processes here and on the nodes (agents and daemons name the nodes), its job directories.
std::vector<std::string> clusterJobLeftovers(const fs::path& dir) {
    std::vector<std::string> out = processesMentioning(dir.string());
    for (const std::string& p : processesMentioning("lomaw-node")) out.push_back(p);
    for (const auto& e : fs::directory_iterator(dir / "tmp"))
        if (e.path().filename().string().rfind("lomaw-mpi-", 0) == 0) out.push_back(e.path().string());
    return out;
}

// SIGKILL of lomaw during a two-node run: no handler runs; the guardian stops mpirun, the
// remote daemons lose their connection, the driver and the workers die with their parents.
// Within 5 s no process of the job is left on any node, nor its job directory.
TEST(SimulatedCluster, SigkillOfLomawLeavesNothingOnAnyNode) {
    SKIP_WITHOUT_CLUSTER();
    fs::path dir = SimulatedCluster::dir / "sigkill";
    for (const std::string& p : processesMentioning(dir.string())) kill(std::stoi(p), SIGKILL);
    fs::remove_all(dir / "tmp");
    fs::create_directories(dir / "tmp");
    std::ofstream(dir / "spin.py") << "def spin_cluster(n : In[int]) -> float:\n"
                                      "    x : float = 0.0\n"
                                      "    for i in range(n):\n"
                                      "        for j in range(n):\n"
                                      "            x = x + 0.5\n"
                                      "    return x\n";
    std::ofstream(dir / "batch.json") << "[[1000000], [1000000]]";
    fs::path cache = dir / "cache";
    pid_t lomaw = startInBackground(
        {LOMAW_CLI, "mpirun", (dir / "spin.py").string(), "spin_cluster", "--batch", (dir / "batch.json").string(),
         "--workers", "2", "--launch", "spmd", "--hostfile", (SimulatedCluster::dir / "hosts").string(), "--mpirun-args",
         "--mca plm_rsh_agent " + (SimulatedCluster::dir / "agent.sh").string() + " --mca btl self,tcp"},
        {"LOMAW_CACHE_DIR=" + cache.string(), "TMPDIR=" + (dir / "tmp").string()}, (dir / "out.txt").string(),
        (dir / "err.txt").string());
    ASSERT_GT(lomaw, 0);
    // The driver here and a worker on each node run the program from the cache.
    struct Probe {
        std::string programs;
    } probe{(cache / "mpi-").string()};
    auto computing = [](const void* c) { return processesRunningProgramsFrom(static_cast<const Probe*>(c)->programs) >= 3; };
    bool up = eventually(120, computing, &probe);
    if (!up) kill(lomaw, SIGKILL);
    ASSERT_TRUE(up) << slurp(dir / "err.txt");
    // The remote side of the job: the agents and the Open MPI daemons they started on the nodes.
    EXPECT_FALSE(processesMentioning("lomaw-node").empty());
    usleep(300000);

    kill(lomaw, SIGKILL);
    int status = 0;
    ASSERT_TRUE(waitForExit(lomaw, 2, status));
    auto nothingLeft = [](const void* c) { return clusterJobLeftovers(*static_cast<const fs::path*>(c)).empty(); };
    bool clean = eventually(5, nothingLeft, &dir);
    std::string report;
    for (const std::string& p : clusterJobLeftovers(dir)) report += "\n  " + p;
    EXPECT_TRUE(clean) << "left after 5 s:" << report;
}

}  // namespace
}  // namespace lomaw::test
