// A simulated two-node cluster on this machine: host names lomaw-node1 and lomaw-node2 (added to
// /etc/hosts for the run, at 127.0.1.11/12, which Open MPI does not take for this machine), and
// Open MPI's ssh launcher replaced (--mca plm_rsh_agent) by a stand-in that runs the command in a
// private mount namespace with a fresh tmpfs on /tmp and the node's host name -- each node has
// its own /tmp, as on a real cluster; the build tree (like a home directory) is shared. The
// shared-memory BTL does not work across such namespaces, so the runs use --mca btl self,tcp.
// Results must equal a one-machine run. Needs root (mount namespaces, /etc/hosts); skipped
// otherwise.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "Process.h"

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
        if (std::system("unshare -m -u sh -c 'mount -t tmpfs tmpfs /tmp && hostname lomaw-probe' 2>/dev/null") != 0) {
            skipReason = "unshare -m -u with a tmpfs on /tmp does not work here";
            return;
        }
        // The stand-in for ssh: `agent [options] HOST COMMAND...` runs COMMAND on "HOST".
        std::ofstream(dir / "agent.sh") << "#!/bin/sh\n"
                                           "while [ $# -gt 0 ]; do case \"$1\" in -*) shift;; *) break;; esac; done\n"
                                           "host=\"$1\"; shift\n"
                                           "exec unshare -m -u sh -c 'mount -t tmpfs tmpfs /tmp && hostname \"$0\" && "
                                           "exec sh -c \"$1\"' \"$host\" \"$*\"\n";
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

// lomaw with a cache in the shared build tree (or `cache`), on the cluster or on this machine.
ProcessResult lomawOn(bool cluster, std::vector<std::string> args, const std::string& cache = "") {
    std::vector<std::string> argv{"/usr/bin/env", "LOMAW_CACHE_DIR=" + (cache.empty() ? (SimulatedCluster::dir / "cache").string() : cache),
                                  LOMAW_CLI};
    argv.insert(argv.end(), args.begin(), args.end());
    if (cluster) {
        argv.insert(argv.end(), {"--hostfile", (SimulatedCluster::dir / "hosts").string(), "--mpirun-args",
                                 "--mca plm_rsh_agent " + (SimulatedCluster::dir / "agent.sh").string() +
                                     " --mca btl self,tcp",
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

TEST(SimulatedCluster, OptimizeAcrossTwoNodesEqualsOneMachine) {
    SKIP_WITHOUT_CLUSTER();
    std::vector<std::string> args = {"optimize", LOMAW_EXAMPLES "/mpi_polynomial_descent.py", "poly_loss_grad",
                                     "--init", "[2.0, 2.0]", "--data", LOMAW_EXAMPLES "/mpi_polynomial_terms.json",
                                     "--steps", "50", "--lr", "0.05", "--workers", "2", "--trajectory"};
    fs::path here = SimulatedCluster::dir / "here.json", there = SimulatedCluster::dir / "there.json";
    std::vector<std::string> local = args, cluster = args;
    local.push_back(here.string());
    cluster.insert(cluster.end(), {there.string(), "--launch", "spmd"});
    ProcessResult a = lomawOn(false, local), b = lomawOn(true, cluster);
    ASSERT_EQ(a.exitCode, 0) << a.err;
    ASSERT_EQ(b.exitCode, 0) << b.err;
    EXPECT_EQ(b.out, a.out);
    EXPECT_EQ(slurp(there), slurp(here));
    // p(x, y) = x^3 + y^3 - 3xy starts at p(2, 2) = 4.
    EXPECT_NEAR(nlohmann::json::parse(slurp(there))[0]["loss"].get<double>(), 4.0, 1e-6);
}

TEST(SimulatedCluster, AWorkerMissingOnANodeIsAnErrorNamingTheNode) {
    SKIP_WITHOUT_CLUSTER();
    fs::path kernel = writeBatch();
    std::string batch = (SimulatedCluster::dir / "batch.json").string();
    // A cache in this machine's /tmp: no node sees it.
    std::string privateCache = "/tmp/lomaw-cluster-cache-" + std::to_string(getpid());
    ProcessResult missing = lomawOn(true, {"mpirun", kernel.string(), "affine", "--batch", batch, "--workers", "2",
                                           "--launch", "spmd"},
                                    privateCache);
    EXPECT_EQ(missing.exitCode, 4) << missing.err;
    EXPECT_NE(missing.err.find("lomaw: error: node lomaw-node"), std::string::npos) << missing.err;
    EXPECT_NE(missing.err.find(" cannot run " + privateCache + "/mpi-"), std::string::npos) << missing.err;
    EXPECT_NE(missing.err.find("not on a filesystem that node sees"), std::string::npos) << missing.err;
    EXPECT_EQ(missing.out, "");
    fs::remove_all(privateCache);
}

}  // namespace
}  // namespace lomaw::test
