// Bad input of every kind gets a clear message and exit 2 before anything is built or launched:
// numeric options out of range (app/cli/OptionChecks.h), `optimize` inputs that would optimise
// nothing or index past --init (app/cli/OptimizeInputs.h), and an empty `mpirun` batch, which
// is answered without an MPI job; a result file that cannot be written is an error, not silence.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

const char* kBadInputKernels =
    "def sq(x : In[float]) -> float:\n"
    "    return x * x\n"
    "\n"
    "def line(p : In[Array[float]], xs : In[Array[float]], ys : In[Array[float]], n : In[int],\n"
    "         grad : Out[Array[float]]) -> float:\n"
    "    loss : float = 0.0\n"
    "    r : float\n"
    "    for i in range(n):\n"
    "        r = p[0] * xs[i] + p[1] - ys[i]\n"
    "        loss = loss + r * r\n"
    "        grad[0] = grad[0] + 2.0 * r * xs[i]\n"
    "        grad[1] = grad[1] + 2.0 * r\n"
    "    return loss\n";

std::string usage(const std::string& message) {
    return "lomaw: error: " + message + "\nRun 'lomaw --help' for usage.\n";
}

std::string writeFile(const TempKernel& k, const std::string& name, const std::string& text) {
    std::string path = (std::filesystem::path(k.path()).parent_path() / name).string();
    std::ofstream(path) << text;
    return path;
}

// Each used to print CLI11's "Value -1 not in range 0.000000 to 1797693...(300 digits)", its
// "Could not convert: --steps = 1e3", or nothing at all (nan tolerances compared as false, a
// --steps of 10^20 ran for hours).
TEST(BadInputs, NumericOptionsOutOfRangeSayWhatTheyExpect) {
    TempKernel k(kBadInputKernels);
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::string f = k.path();
    const std::vector<Case> cases = {
        {{"optimize", f, "line", "--steps", "-1"}, "--steps: expected a whole number >= 0, got -1"},
        {{"descend", f, "sq", "--init", "[2]", "--steps", "1e3"}, "--steps: expected a whole number >= 0, got 1e3"},
        {{"descend", f, "sq", "--init", "[2]", "--steps", "99999999999999999999"},
         "--steps: expected a whole number from 0 to 2147483647, got 99999999999999999999"},
        {{"run", f, "sq", "--args", "[2]", "--omp-threads", "0"}, "--omp-threads: expected a whole number >= 1, got 0"},
        {{"run", f, "sq", "--args", "[2]", "--threads", "99999999999"},
         "--threads: expected a whole number from 0 to 2147483647, got 99999999999"},
        {{"mpirun", f, "sq", "--batch", "b.json", "--threads", "-2"}, "--threads: expected a whole number >= 0, got -2"},
        {{"gradcheck", f, "sq", "--args", "[2]", "--step", "0"}, "--step: expected a finite number > 0, got 0"},
        {{"gradcheck", f, "sq", "--args", "[2]", "--rtol", "nan"}, "--rtol: expected a finite number >= 0, got nan"},
        {{"gradcheck", f, "sq", "--args", "[2]", "--atol", "inf"}, "--atol: expected a finite number >= 0, got inf"},
        {{"descend", f, "sq", "--init", "[2]", "--lr", "-1"}, "--lr: expected a finite number > 0, got -1"},
        {{"descend", f, "sq", "--init", "[2]", "--tol", "nan"}, "--tol: expected a finite number >= 0, got nan"},
        {{"descend", f, "sq", "--init", "[2]", "--momentum", "1"}, "--momentum: expected a number >= 0 and < 1, got 1"},
        {{"descend", f, "sq", "--init", "[2]", "--fd-step", "-1"}, "--fd-step: expected a finite number > 0, got -1"},
        {{"optimize", f, "line", "--lr", "nan"}, "--lr: expected a finite number > 0, got nan"},
        {{"optimize", f, "line", "--beta2", "1.5"}, "--beta2: expected a number >= 0 and < 1, got 1.5"},
        {{"optimize", f, "line", "--eps", "0"}, "--eps: expected a finite number > 0, got 0"},
        {{"optimize", f, "line", "--tolerance", "-0.5"}, "--tolerance: expected a finite number >= 0, got -0.5"},
    };
    for (const Case& c : cases) {
        ProcessResult r = lomaw(c.args);
        EXPECT_EQ(r.exitCode, 2) << c.message;
        EXPECT_EQ(r.err, usage(c.message));
        EXPECT_EQ(r.out, "");
    }
}

// Used to run an MPI job that optimised nothing (exit 0), to word a missing list as a call
// ("--data: --data takes 2 arguments, got 0 values"), or to read p[1] past a one-element --init.
TEST(BadInputs, OptimizeRefusesInputsThatDoNotFitTheFunctionBeforeAnyJob) {
    TempKernel k(kBadInputKernels);
    const std::string data = writeFile(k, "data.json", "[[1.0, 2.0], [3.0, 6.0]]");
    const std::string none = writeFile(k, "none.json", "[[], []]");
    const std::string empty = writeFile(k, "empty.json", " [ ]\n");
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::string lists = "expected 2 lists, one for each data array of line (xs, ys), all of the same length";
    const std::vector<Case> cases = {
        {{"--init", "[]", "--data", data}, "--init: line needs at least one parameter in p, got []"},
        {{"--data", data}, "--init missing: line needs the initial values of p (--init '[p0, ...]' or --init-file FILE)"},
        {{"--init", "[1.0]", "--data", data},
         "--init: line uses p[1], so --init needs at least 2 parameters, got 1 (grad has as many elements as --init)"},
        {{"--init", "[1.0, 0.0]", "--data", none}, "--data: no data points: xs, ys are empty (optimize needs at least one element in each)"},
        {{"--init", "[1.0, 0.0]", "--data", empty}, "--data: " + lists + "; got 0 lists"},
        {{"--init", "[1.0, 0.0]"}, "--data missing: " + lists},
    };
    for (const Case& c : cases) {
        std::vector<std::string> argv = {"optimize", k.path(), "line", "--steps", "1", "--workers", "1"};
        argv.insert(argv.end(), c.args.begin(), c.args.end());
        ProcessResult r = lomaw(argv);
        EXPECT_EQ(r.exitCode, 2) << c.message;
        EXPECT_EQ(r.err, "lomaw: error: " + c.message + "\n");
        EXPECT_EQ(r.out, "");
    }
}

// An empty batch used to build and launch an MPI job (~3 s) to print []: now it is answered as
// `lomaw run --batch` answers it, so even with no MPI installed it prints [] (and still checks FUNC).
TEST(BadInputs, EmptyMpirunBatchLaunchesNothing) {
    TempKernel k(kBadInputKernels);
    const std::string batch = writeFile(k, "batch.json", " [\n ]\n");
    auto withoutMpi = [&](const std::string& function) {
        return runProcess({"/usr/bin/env", "LOMAW_MPIRUN=/nonexistent/mpirun", "LOMAW_MPICC=/nonexistent/mpicc", LOMAW_CLI,
                           "mpirun", k.path(), function, "--batch", batch, "--workers", "2"});
    };
    ProcessResult r = withoutMpi("sq");
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "[]\n");
    EXPECT_EQ(r.err, "");
    ProcessResult unknown = withoutMpi("nope");
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err, "lomaw: error: unknown function 'nope' (the module defines: sq, line; built in: make__dfloat)\n");
    EXPECT_EQ(unknown.out, "");
}

// A --timings file that cannot be written (here a directory) used to be dropped in silence,
// exit 0, leaving DIR.tmp behind; mpirun already said so.
TEST(BadInputs, DescendTimingsThatCannotBeWrittenAreAnError) {
    TempKernel k(kBadInputKernels);
    const std::string dir = (std::filesystem::path(k.path()).parent_path() / "timings").string();
    std::filesystem::create_directory(dir);
    ProcessResult r = lomaw({"descend", k.path(), "sq", "--init", "[2.0]", "--steps", "1", "--timings", dir});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: cannot write " + dir + "\n");
    EXPECT_EQ(r.out, "");
    EXPECT_FALSE(std::filesystem::exists(dir + ".tmp"));
}

}  // namespace
}  // namespace lomaw::test
