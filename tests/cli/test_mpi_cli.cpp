// `lomaw mpirun` and `lomaw optimize` end to end through the binary, with 2 MPI workers.
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

const char* kAffine =
    "@openMpi\n"
    "def affine(x : In[float], a : In[Array[float]], y : Out[float]) -> float:\n"
    "    y = a[0] * x\n"
    "    return a[0] * x + a[1]\n";

std::string writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path) << text;
    return path.string();
}

TEST(MpiCli, BatchResultsEqualSequentialRunsInInputOrder) {
    TempKernel k(kAffine);
    auto dir = std::filesystem::path(k.path()).parent_path();
    std::vector<std::string> sets = {"[1.0, [2.0, 3.0], 0.0]", "[2.0, [1.0, -1.0], 5.0]",
                                     "[0.5, [4.0, 0.0], 1.0]", "[-3.0, [1.5, 2.5], 0.0]",
                                     "[10.0, [0.1, 0.2], 0.0]"};
    std::string batch = "[";
    for (size_t i = 0; i < sets.size(); ++i) batch += (i ? ", " : "") + sets[i];
    batch += "]";
    std::string batchFile = writeFile(dir / "batch.json", batch);
    std::string timings = (dir / "timings.json").string();
    ProcessResult r = lomaw({"mpirun", k.path(), "affine", "--workers", "2", "--batch", batchFile,
                             "--timings", timings});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    nlohmann::json results = nlohmann::json::parse(r.out);
    ASSERT_EQ(results.size(), sets.size());
    for (size_t i = 0; i < sets.size(); ++i) {
        ProcessResult one = lomaw({"run", k.path(), "affine", "--args", sets[i]});
        ASSERT_EQ(one.exitCode, 0) << one.err;
        EXPECT_EQ(results[i], nlohmann::json::parse(one.out)) << "input set " << i;
    }
    // By hand: set 1 returns 2*1 + 3 = 5 and writes y = 2.
    EXPECT_EQ(results[0]["return"], 5);
    nlohmann::json t = nlohmann::json::parse(std::ifstream(timings));
    EXPECT_TRUE(t.is_object()) << t.dump();
}

TEST(MpiCli, BadInputSetNamesItsIndexAndExitsTwo) {
    TempKernel k(kAffine);
    auto dir = std::filesystem::path(k.path()).parent_path();
    std::string batchFile = writeFile(dir / "batch.json", "[[1.0, [2.0, 3.0], 0.0], [1.0, \"x\", 0.0]]");
    ProcessResult r = lomaw({"mpirun", k.path(), "affine", "--workers", "2", "--batch", batchFile});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("input set 1"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lomaw({"mpirun", k.path(), "affine", "--workers", "2", "--batch", "/nonexistent.json"}).exitCode, 2);
    // A directory is not a batch file (reading it used to abort with std::bad_alloc).
    ProcessResult directory = lomaw({"mpirun", k.path(), "affine", "--batch", dir.string()});
    EXPECT_EQ(directory.exitCode, 2);
    EXPECT_EQ(directory.err, "lomaw: error: cannot read " + dir.string() + ": is a directory\n");
    ProcessResult init = lomaw({"optimize", k.path(), "affine", "--init-file", dir.string(), "--steps", "1"});
    EXPECT_EQ(init.exitCode, 2);
    EXPECT_EQ(init.err, "lomaw: error: cannot read " + dir.string() + ": is a directory\n");
}

// More workers than the hostfile's slots, without --oversubscribe: said before anything starts
// (Open MPI used to refuse after the launch, with its "not enough slots" page in spmd mode and
// "MPI_ERR_SPAWN: could not spawn processes" in spawn mode, exit 3). Comments and blank lines
// are allowed; this machine's lines are not resolved or probed.
TEST(MpiCli, MoreWorkersThanHostfileSlotsIsAUsageError) {
    TempKernel k(kAffine);
    auto dir = std::filesystem::path(k.path()).parent_path();
    std::string batch = writeFile(dir / "batch.json", "[[1.0, [2.0, 3.0], 0.0]]");
    std::string hosts = writeFile(dir / "hosts", "# this machine twice\nlocalhost slots=1  # one worker\n\n127.0.0.1 slots=1\n");
    for (const char* mode : {"spawn", "spmd"}) {
        ProcessResult r = lomaw({"mpirun", k.path(), "affine", "--batch", batch, "--workers", "3", "--launch", mode,
                                 "--hostfile", hosts});
        EXPECT_EQ(r.exitCode, 2) << mode;
        EXPECT_EQ(r.err, "lomaw: error: --workers 3 is more than the 2 worker slots of hostfile " + hosts +
                             " (the driver's slot is added by lomaw): use fewer workers, more slots= in the hostfile, "
                             "or --mpirun-args --oversubscribe\n");
        EXPECT_EQ(r.out, "");
    }
}

TEST(MpiCli, OptimizeRunsThePolynomialToItsMinimum) {
    // p(x, y) = x^3 + y^3 - 3xy has its local minimum p(1, 1) = -1.
    auto dir = std::filesystem::temp_directory_path() / ("lomaw_opt_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string trajectory = (dir / "trajectory.json").string();
    ProcessResult r = lomaw({"optimize", LOMAW_EXAMPLES "/mpi_polynomial_descent.py", "poly_loss_grad",
                             "--init", "[2.0, 2.0]", "--data", LOMAW_EXAMPLES "/mpi_polynomial_terms.json",
                             "--steps", "200", "--lr", "0.05", "--workers", "2", "--trajectory", trajectory});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    nlohmann::json final = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(final.is_discarded()) << r.out;
    EXPECT_NEAR(final["loss"].get<double>(), -1.0, 1e-5);
    EXPECT_NEAR(final["params"][0].get<double>(), 1.0, 1e-4);
    EXPECT_NEAR(final["params"][1].get<double>(), 1.0, 1e-4);
    // The trajectory starts at (2, 2), where p = 8 + 8 - 12 = 4, and has one row per step.
    nlohmann::json t = nlohmann::json::parse(std::ifstream(trajectory), nullptr, false);
    ASSERT_FALSE(t.is_discarded());
    ASSERT_EQ(t.size(), 201u);
    EXPECT_EQ(t[0]["params"], nlohmann::json::parse("[2, 2]"));
    EXPECT_NEAR(t[0]["loss"].get<double>(), 4.0, 1e-6);
    std::filesystem::remove_all(dir);
}

TEST(MpiCli, SharedMemoryOnlyBtlSelectionWorksInBothLaunchModes) {
    // `--mca btl self,vader` used to fail in spawn mode (MPI_Comm_spawn: MPI_ERR_INTERN): the
    // driver reaches spawned workers over tcp only, which the launcher now keeps in the list.
    TempKernel k(kAffine);
    auto dir = std::filesystem::path(k.path()).parent_path();
    std::string batchFile = writeFile(dir / "batch.json", "[[1.0, [2.0, 3.0], 0.0], [2.0, [1.0, -1.0], 5.0]]");
    for (const char* mode : {"spawn", "spmd"}) {
        ProcessResult r = lomaw({"mpirun", k.path(), "affine", "--workers", "2", "--batch", batchFile, "--launch", mode,
                                 "--mpirun-args", "--mca btl self,vader", "--timeout", "60"});
        ASSERT_EQ(r.exitCode, 0) << mode << ": " << r.err;
        // By hand: 2*1 + 3 = 5 (y = 2), 1*2 - 1 = 1 (y = 2).
        EXPECT_EQ(nlohmann::json::parse(r.out),
                  nlohmann::json::parse(R"([{"return": 5, "args": [1, [2, 3], 2]}, {"return": 1, "args": [2, [1, -1], 2]}])"))
            << mode;
    }
}

TEST(MpiCli, OptimizeWithARevDiffGradientFindsTheExponentialFit) {
    // examples/mpi_exp_fit.py: data y = 2 exp(-0.5 x); the least-squares minimum is (2, -0.5), loss 0.
    ProcessResult r = lomaw({"optimize", LOMAW_EXAMPLES "/mpi_exp_fit.py", "exp_fit_loss_grad", "--init", "[1.0, 0.0]",
                             "--data", LOMAW_EXAMPLES "/mpi_exp_fit_data.json", "--steps", "300", "--lr", "0.3",
                             "--average", "--workers", "2"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    nlohmann::json final = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(final.is_discarded()) << r.out;
    EXPECT_EQ(final["step"], 300);
    EXPECT_NEAR(final["params"][0].get<double>(), 2.0, 1e-4);
    EXPECT_NEAR(final["params"][1].get<double>(), -0.5, 1e-4);
    EXPECT_LT(final["loss"].get<double>(), 1e-10);
}

// The worker's own code (record codec, evaluation, optimisation loop) names nothing a kernel can
// name: a struct `r` (the codec's record pointer was `r`), a function `threads` (a parameter of
// the evaluation hid it), a struct `n` in the data shard and parameters named params/grad.
const char* kWorkerNames =
    "class r:\n"
    "    x : float\n"
    "    y : float\n"
    "\n"
    "class n:\n"
    "    x : float\n"
    "    y : float\n"
    "\n"
    "def threads(p : In[r], k : In[int]) -> float:\n"
    "    return p.x * p.y + int2float(k)\n"
    "\n"
    "def sums(params : In[Array[float]], pts : In[Array[n]], count : In[int], grad : Out[Array[float]]) -> float:\n"
    "    loss : float = 0.0\n"
    "    e : float\n"
    "    for i in range(count):\n"
    "        e = params[0] * pts[i].x - pts[i].y\n"
    "        loss = loss + e * e\n"
    "        grad[0] = grad[0] + 2.0 * e * pts[i].x\n"
    "    return loss\n";

TEST(MpiCli, KernelNamesThatTheWorkerUsesInternallyBuildAndRun) {
    TempKernel k(kWorkerNames);
    auto dir = std::filesystem::path(k.path()).parent_path();
    std::string batch =
        writeFile(dir / "batch.json", R"([[{"x": 1.5, "y": 2.0}, 1], [{"x": -1.0, "y": 3.0}, 2], [{"x": 0.5, "y": 0.5}, 0]])");
    ProcessResult r = lomaw({"mpirun", k.path(), "threads", "--workers", "2", "--batch", batch});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    // By hand: 1.5 * 2 + 1 = 4, -1 * 3 + 2 = -1, 0.5 * 0.5 + 0 = 0.25.
    nlohmann::json results = nlohmann::json::parse(r.out);
    ASSERT_EQ(results.size(), 3u);
    EXPECT_EQ(results[0]["return"], 4.0);
    EXPECT_EQ(results[1]["return"], -1.0);
    EXPECT_EQ(results[2]["return"], 0.25);
    // Points on y = 3x: the least-squares slope is 3, loss 0.
    std::string data = writeFile(dir / "data.json",
                                 R"([[{"x": 1.0, "y": 3.0}, {"x": 2.0, "y": 6.0}, {"x": -1.0, "y": -3.0}, {"x": 0.5, "y": 1.5}]])");
    ProcessResult o = lomaw({"optimize", k.path(), "sums", "--init", "[0.0]", "--data", data, "--steps", "100", "--lr",
                             "0.05", "--workers", "2"});
    ASSERT_EQ(o.exitCode, 0) << o.err;
    nlohmann::json final = nlohmann::json::parse(o.out);
    EXPECT_NEAR(final["params"][0].get<double>(), 3.0, 1e-5);
}

// A failed run leaves the files of an earlier run as they were (they are written under a
// temporary name and renamed only when the run succeeded).
TEST(MpiCli, AFailedRunLeavesEarlierResultFilesIntact) {
    auto dir = std::filesystem::temp_directory_path() / ("lomaw_keep_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string trajectory = (dir / "trajectory.csv").string(), timings = (dir / "timings.json").string();
    auto slurp = [](const std::string& path) {
        std::ifstream in(path);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    std::vector<std::string> optimize = {"optimize", LOMAW_EXAMPLES "/mpi_polynomial_descent.py", "poly_loss_grad",
                                         "--init", "[2.0, 2.0]", "--data", LOMAW_EXAMPLES "/mpi_polynomial_terms.json",
                                         "--steps", "5", "--lr", "0.05", "--workers", "2",
                                         "--trajectory", trajectory, "--timings", timings};
    ProcessResult ok = lomaw(optimize);
    ASSERT_EQ(ok.exitCode, 0) << ok.err;
    const std::string trajectoryBefore = slurp(trajectory), timingsBefore = slurp(timings);
    ASSERT_NE(trajectoryBefore.find('\n'), std::string::npos);  // a header and 6 rows
    ASSERT_FALSE(timingsBefore.empty());

    // The same run, stopped by a timeout before the workers are even up: exit 3, files untouched.
    optimize.insert(optimize.end(), {"--timeout", "0.05"});
    ProcessResult failed = lomaw(optimize);
    EXPECT_EQ(failed.exitCode, 3) << failed.err;
    EXPECT_NE(failed.err.find("timed out"), std::string::npos) << failed.err;
    EXPECT_EQ(slurp(trajectory), trajectoryBefore);
    EXPECT_EQ(slurp(timings), timingsBefore);

    // mpirun: a batch whose second set fails keeps the earlier timings file too.
    TempKernel k("def divide(a : In[int], b : In[int]) -> int:\n    return a / b\n");
    std::string batch = writeFile(dir / "batch.json", "[[4, 2], [1, 0]]");
    ProcessResult divided = lomaw({"mpirun", k.path(), "divide", "--workers", "2", "--batch", batch, "--timings", timings});
    EXPECT_EQ(divided.exitCode, 3) << divided.err;
    EXPECT_NE(divided.err.find("integer division by zero"), std::string::npos) << divided.err;
    EXPECT_EQ(slurp(timings), timingsBefore);
    std::filesystem::remove_all(dir);
}

// A descent whose loss overflows stops there: exit 3, the message names the step, the trajectory
// keeps every step up to it. By hand for p(x, y) = x^3 + y^3 - 3xy from (2, 2) with lr 1 (x = y
// throughout, gradient 3x^2 - 3x): x = 2, -4, -64, -12544, -4.72e8, -6.69e17; p at step 4 is
// about -2.1e26 (a float holds it), at step 5 x^3 = -3e53 overflows float: loss -inf.
TEST(MpiCli, OptimizeStopsWhenTheLossBecomesInfinite) {
    auto dir = std::filesystem::temp_directory_path() / ("lomaw_diverge_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::string trajectory = (dir / "trajectory.json").string();
    ProcessResult r = lomaw({"optimize", LOMAW_EXAMPLES "/mpi_polynomial_descent.py", "poly_loss_grad", "--init",
                             "[2.0, 2.0]", "--data", LOMAW_EXAMPLES "/mpi_polynomial_terms.json", "--steps", "100",
                             "--lr", "1", "--workers", "2", "--trajectory", trajectory});
    EXPECT_EQ(r.exitCode, 3) << r.err;
    EXPECT_EQ(r.err, "lomaw: descent diverged at step 5 (loss -inf)\n");
    nlohmann::json last = nlohmann::json::parse(r.out, nullptr, false);
    ASSERT_FALSE(last.is_discarded()) << r.out;
    EXPECT_EQ(last["step"], 5);
    EXPECT_EQ(last["loss"], "-inf");
    nlohmann::json t = nlohmann::json::parse(std::ifstream(trajectory), nullptr, false);
    ASSERT_FALSE(t.is_discarded());
    ASSERT_EQ(t.size(), 6u);
    EXPECT_EQ(t[1]["params"], nlohmann::json::parse("[-4, -4]"));
    EXPECT_EQ(t[3]["params"], nlohmann::json::parse("[-12544, -12544]"));
    EXPECT_NEAR(t[4]["loss"].get<double>(), -2.1e26, 0.05e26);
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace lomaw::test
