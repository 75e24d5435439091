// The limits of docs/cli.md ("Limits") and the hardening findings of issue 10 through the binary:
// every bad input is a clear message and exit 2 (4 for a build that runs out of time), never a
// crash, a hang or a process left behind.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

const char* kAdd =
    "def f(x : In[float], y : In[float]) -> float:\n"
    "    return x + y\n";

const char* kLoss =
    "def loss(p : In[Array[float]], xs : In[Array[float]], g : Out[Array[float]]) -> float:\n"
    "    g[0] = 2.0 * p[0]\n"
    "    return p[0] * p[0]\n";

std::string writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
}

std::string dirOf(const TempKernel& k) { return std::filesystem::path(k.path()).parent_path().string(); }

std::string nested(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

// ---------------------------------------------------------------- files

TEST(Limits, NonRegularFilesAreRefusedAtOnce) {
    // /dev/zero used to be read until memory ran out (std::bad_alloc, SIGABRT). The memory limit
    // makes that quick; AddressSanitizer cannot start under one, so there it runs without.
#if defined(__SANITIZE_ADDRESS__)
    const char* limit = "";
#else
    const char* limit = "ulimit -v 1000000; ";
#endif
    ProcessResult zero = runProcess({"/bin/sh", "-c", std::string(limit) + "exec " LOMAW_CLI " check /dev/zero"});
    EXPECT_EQ(zero.exitCode, 2) << zero.err;
    EXPECT_EQ(zero.err, "lomaw: error: cannot read /dev/zero: not a regular file\n");
    // A FIFO with no writer must not block the open.
    TempKernel k(kAdd);
    std::string fifo = dirOf(k) + "/kernel.fifo";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    ProcessResult r = lomaw({"check", fifo});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: cannot read " + fifo + ": not a regular file\n");
    ProcessResult batch = lomaw({"mpirun", k.path(), "f", "--batch", fifo});
    EXPECT_EQ(batch.exitCode, 2);
    EXPECT_EQ(batch.err, "lomaw: error: cannot read " + fifo + ": not a regular file\n");
}

TEST(Limits, KernelSourceLargerThanFourMiBIsRefused) {
    std::string text = kAdd;
    text += "# " + std::string((size_t{4} << 20) - text.size() - 3, 'x') + "\n";  // exactly 4 MiB: accepted
    TempKernel k(text);
    ProcessResult ok = lomaw({"check", k.path()});
    EXPECT_EQ(ok.exitCode, 0) << ok.out << ok.err;
    std::ofstream(k.path(), std::ios::app) << "\n";  // one byte more
    ProcessResult r = lomaw({"check", k.path()});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: cannot read " + k.path() + ": larger than 4 MiB, the limit for a kernel source\n");
}

// ---------------------------------------------------------------- JSON

TEST(Limits, DeeplyNestedJsonIsAUsageErrorInEveryReader) {
    TempKernel k(kAdd);
    // 100,000 levels in a batch used to overflow the stack in the JSON serializer (SIGSEGV).
    std::string batch = writeFile(dirOf(k) + "/deep.json", nested(100000));
    ProcessResult r = lomaw({"mpirun", k.path(), "f", "--batch", batch});
    EXPECT_EQ(r.exitCode, 2) << r.err;
    EXPECT_EQ(r.err, "lomaw: error: --batch: JSON nested deeper than 512 levels\n");
    EXPECT_EQ(r.out, "");
    // A command-line argument holds at most 128 KiB: 60,000 levels.
    r = lomaw({"run", k.path(), "f", "--args", "[1, " + nested(60000) + "]"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: --args: JSON nested deeper than 512 levels\n");

    TempKernel loss(kLoss);
    std::string data = writeFile(dirOf(loss) + "/data.json", "[" + nested(100000) + "]");
    r = lomaw({"optimize", loss.path(), "loss", "--init", "[1.0]", "--data", data, "--steps", "1"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: --data: JSON nested deeper than 512 levels\n");
    std::string init = writeFile(dirOf(loss) + "/init.json", nested(100000));
    std::string points = writeFile(dirOf(loss) + "/points.json", "[[1.0]]");
    r = lomaw({"optimize", loss.path(), "loss", "--init-file", init, "--data", points, "--steps", "1"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: --init: JSON nested deeper than 512 levels\n");
}

// Out of memory (here an address-space limit, as a cluster's ulimit or a container sets it,
// below what an 18 MB batch of 3 million sets needs) is said as such, exit 4: not a crash, not
// "internal error: std::bad_alloc".
TEST(Limits, OutOfMemoryIsAClearEnvironmentError) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#endif
    TempKernel k(kAdd);
    std::string batch = dirOf(k) + "/big.json";
    {
        std::ofstream out(batch);
        out << "[";
        for (int i = 0; i < 3000000; ++i) out << (i ? ",[1.5, 2.5]" : "[1.5, 2.5]");
        out << "]";
    }
    ProcessResult r = runProcess({"/usr/bin/prlimit", "--as=100000000", LOMAW_CLI, "mpirun", k.path(), "f", "--batch", batch,
                                  "--workers", "1"});
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_EQ(r.err, "lomaw: error: out of memory\n");
}

TEST(Limits, NumberBeyondADoubleIsAUsageErrorNamingIt) {
    // Used to be exit 4, "internal error: [json.exception.out_of_range.406] ...".
    TempKernel k(kAdd);
    ProcessResult r = lomaw({"run", k.path(), "f", "--args", "[1, 1e400]"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: --args: number 1e400 is outside the range of a double\n");
    std::string batch = writeFile(dirOf(k) + "/batch.json", "[[1, 2], [1, -1e400]]");
    r = lomaw({"mpirun", k.path(), "f", "--batch", batch});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: --batch: number -1e400 is outside the range of a double\n");
    TempKernel loss(kLoss);
    std::string points = writeFile(dirOf(loss) + "/points.json", "[[1.0]]");
    r = lomaw({"optimize", loss.path(), "loss", "--init", "[1, 1e400]", "--data", points, "--steps", "1"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: --init: number 1e400 is outside the range of a double\n");
}

// ---------------------------------------------------------------- options

TEST(Limits, TimeoutMustBeAFiniteNumberOfSeconds) {
    TempKernel k(kAdd);
    for (const char* bad : {"nan", "inf", "-1", "x"}) {
        ProcessResult r = lomaw({"run", k.path(), "f", "--args", "[1, 2]", "--timeout", bad});
        EXPECT_EQ(r.exitCode, 2) << bad;
        EXPECT_EQ(r.err, std::string("lomaw: error: --timeout: expected a number of seconds >= 0 (0: no limit), got ") +
                             bad + "\nRun 'lomaw --help' for usage.\n");
        EXPECT_EQ(lomaw({"mpirun", k.path(), "f", "--batch", "b.json", "--timeout", bad}).exitCode, 2) << bad;
        EXPECT_EQ(lomaw({"descend", k.path(), "f", "--init", "[1, 2]", "--timeout", bad}).exitCode, 2) << bad;
    }
}

TEST(Limits, WorkerCountIsCappedWithAHumanMessage) {
    TempKernel k(kAdd);
    for (const char* bad : {"0", "100000", "-3", "2.5"}) {
        ProcessResult r = lomaw({"mpirun", k.path(), "f", "--batch", "b.json", "--workers", bad});
        EXPECT_EQ(r.exitCode, 2) << bad;
        EXPECT_EQ(r.err, std::string("lomaw: error: --workers: expected a whole number of workers from 1 to 4096, got ") +
                             bad + "\nRun 'lomaw --help' for usage.\n");
    }
}

// ---------------------------------------------------------------- build time

bool running(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string pidText, name, state;
    return stat >> pidText >> name >> state && state != "Z";
}

TEST(Limits, TimeoutCoversTheBuildAndStopsTheCompiler) {
    TempKernel k(kAdd);
    std::string dir = dirOf(k);
    std::string pids = dir + "/pids";
    // A compiler that never finishes (and starts a child of its own, as gcc starts cc1).
    writeFile(dir + "/hangcc", "#!/bin/sh\nsleep 60 &\necho $! >> '" + pids + "'\necho $$ >> '" + pids + "'\nwait\n");
    chmod((dir + "/hangcc").c_str(), 0755);
    auto start = std::chrono::steady_clock::now();
    ProcessResult r = lomaw({"--cc", dir + "/hangcc", "--cache-dir", dir + "/cache", "run", k.path(), "f", "--args",
                             "[1, 2]", "--timeout", "0.5"});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_EQ(r.err, "lomaw: error: building the kernel took longer than 0.5 s\n");
    EXPECT_EQ(r.out, "");
    EXPECT_LT(seconds, 15.0);
    // The process table: neither the compilers (compiler probe, build) nor their children are left.
    std::ifstream in(pids);
    int count = 0;
    for (pid_t pid; in >> pid; ++count) EXPECT_FALSE(running(pid)) << "process " << pid << " left running";
    EXPECT_EQ(count, 4);
    // No temporary files are left in the cache either.
    for (const auto& e : std::filesystem::directory_iterator(dir + "/cache"))
        EXPECT_EQ(e.path().filename().string().rfind("compiler-probe-", 0), 0u) << e.path();
}

// descend too: its --timeout covers building the kernel (the compiler is stopped).
TEST(Limits, DescendTimeoutCoversTheBuild) {
    TempKernel k(kAdd);
    std::string dir = dirOf(k);
    writeFile(dir + "/hangcc", "#!/bin/sh\nexec sleep 60\n");
    chmod((dir + "/hangcc").c_str(), 0755);
    auto start = std::chrono::steady_clock::now();
    ProcessResult r = lomaw({"--cc", dir + "/hangcc", "--cache-dir", dir + "/cache", "descend", k.path(), "f", "--init",
                             "[1.0, 2.0]", "--steps", "3", "--timeout", "0.5"});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.exitCode, 4) << r.err;
    EXPECT_EQ(r.err, "lomaw: error: building the kernel took longer than 0.5 s\n");
    EXPECT_LT(seconds, 15.0);
}

// ---------------------------------------------------------------- the build cache

TEST(Limits, TruncatedCacheEntryIsRebuiltOnce) {
    TempKernel k(kAdd);
    std::string cache = dirOf(k) + "/cache";
    std::vector<std::string> run = {"--cache-dir", cache, "run", k.path(), "f", "--args", "[1, 2]"};
    ASSERT_EQ(lomaw(run).exitCode, 0);
    std::string library;
    for (const auto& e : std::filesystem::directory_iterator(cache))
        if (e.path().extension() == ".so") library = e.path().string();
    ASSERT_FALSE(library.empty());
    ASSERT_EQ(truncate(library.c_str(), 64), 0);  // every rerun used to exit 4
    ProcessResult r = lomaw(run);
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "{\"return\": 3, \"args\": [1, 2]}\n");
    EXPECT_EQ(r.err, "lomaw: note: rebuilt a corrupt cache entry " + library + " (its content does not match its hash)\n");
    r = lomaw(run);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.err, "");
}

TEST(Limits, TruncatedMpiProgramIsRebuilt) {
    TempKernel k(kAdd);
    std::string dir = dirOf(k);
    std::string batch = writeFile(dir + "/batch.json", "[[1, 2], [3, 4.5]]");
    std::vector<std::string> mpirun = {"--cache-dir", dir + "/cache", "mpirun", k.path(), "f", "--workers", "2",
                                       "--batch", batch};
    ProcessResult first = lomaw(mpirun);
    ASSERT_EQ(first.exitCode, 0) << first.err;
    int truncated = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir + "/cache")) {
        std::string name = e.path().filename().string();
        if (name.rfind("mpi-", 0) == 0 && name.find('.') == std::string::npos) {
            ASSERT_EQ(truncate(e.path().c_str(), 10), 0);  // reruns used to fail for good
            ++truncated;
        }
    }
    ASSERT_GE(truncated, 1);  // the MPI program(s) of the job
    ProcessResult again = lomaw(mpirun);
    EXPECT_EQ(again.exitCode, 0) << again.err;
    EXPECT_EQ(again.out, first.out);
    size_t notes = 0;
    for (size_t at = 0; (at = again.err.find("lomaw: note: rebuilt a corrupt cache entry ", at)) != std::string::npos; ++at)
        ++notes;
    EXPECT_EQ(notes, static_cast<size_t>(truncated)) << again.err;
}

TEST(Limits, SharedCacheDirectoryIsRefused) {
    TempKernel k(kAdd);
    std::string cache = dirOf(k) + "/shared";
    std::filesystem::create_directories(cache);
    chmod(cache.c_str(), 01777);  // like /tmp: anyone may plant a library there
    ProcessResult r = lomaw({"--cache-dir", cache, "run", k.path(), "f", "--args", "[1, 2]"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_EQ(r.err, "lomaw: error: cannot use the build cache directory " + cache +
                         ": writable by other users (mode 1777): lomaw loads and runs the files it finds there, so it "
                         "must be private to you (choose another with --cache-dir or LOMAW_CACHE_DIR, or make it "
                         "yours with chmod 700)\n");
}

// ---------------------------------------------------------------- diagnostics

TEST(Limits, ByteOrderMarkIsSkipped) {
    TempKernel ok(std::string("\xEF\xBB\xBF") + kAdd);
    ProcessResult r = lomaw({"check", ok.path()});
    EXPECT_EQ(r.exitCode, 0) << r.out;
    TempKernel bad("\xEF\xBB\xBF" "def f(x : In[float]) -> flot:\n    return x\n");
    r = lomaw({"check", bad.path()});
    EXPECT_EQ(r.exitCode, 1);
    // Column 25 counts from after the mark, and the excerpt does not show it.
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')), bad.path() + ":1:25: error: unknown type 'flot' [unknown-type]");
    EXPECT_NE(r.out.find("\n    def f(x : In[float]) -> flot:\n" + std::string(4 + 24, ' ') + "^\n"), std::string::npos)
        << r.out;
}

TEST(Limits, ControlCharactersInExcerptsAreShownEscaped) {
    TempKernel k("def f(x : In[float]) -> float:\n    return \x1b[2Jx # \x1b]0;owned\x07\n");
    ProcessResult r = lomaw({"check", k.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "raw escape reached the terminal";
    EXPECT_EQ(r.out.find('\x07'), std::string::npos);
    // The caret stays under the character in error, after an escape shown as four characters.
    EXPECT_NE(r.out.find(k.path() + ":2:12: error: invalid character in source text [syntax-error]\n"
                         "        return \\x1b[2Jx # \\x1b]0;owned\\x07\n"
                         "               ^\n"),
              std::string::npos)
        << r.out;
}

TEST(Limits, MisplacedReturnOrSyntaxErrorIsNotAlsoAMissingReturn) {
    TempKernel misplaced("def f(x : In[float]) -> float:\n    if x > 0.0:\n        return x\n    y : float = x\n");
    ProcessResult r = lomaw({"check", misplaced.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.find("[missing-return]"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.rfind(misplaced.path() + ":3:9: error: return must be the last statement", 0), 0u) << r.out;

    TempKernel unindent("def f(x : In[float]) -> float:\n    y : float = x\n  return y\n");
    r = lomaw({"check", unindent.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.find("[missing-return]"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.rfind(unindent.path() + ":3:3: error: unindent does not match any outer indentation level", 0), 0u)
        << r.out;

    // Without either, a missing return is still reported.
    TempKernel missing("def f(x : In[float]) -> float:\n    y : float = x\n");
    r = lomaw({"check", missing.path()});
    EXPECT_NE(r.out.find(":1:5: error: function 'f' returns float but does not end with a return [missing-return]"),
              std::string::npos)
        << r.out;
}

TEST(Limits, DeepNestingIsADiagnosticNotAStackOverflow) {
    TempKernel parens("def f(x : In[float]) -> float:\n    return " + std::string(100000, '(') + "x" +
                      std::string(100000, ')') + "\n");
    ProcessResult r = lomaw({"check", parens.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
              parens.path() + ":2:111: error: too many nested parentheses, operators or blocks [syntax-error]");
    std::string ifs = "def f(x : In[float]) -> float:\n    y : float = 0.0\n";
    for (int i = 1; i <= 300; ++i) ifs += std::string(static_cast<size_t>(4 * i), ' ') + "if x > 0.0:\n";
    ifs += std::string(4 * 301, ' ') + "y = 1.0\n    return y\n";
    TempKernel deep(ifs);
    r = lomaw({"check", deep.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
              deep.path() + ":102:404: error: too many nested parentheses, operators or blocks [syntax-error]");
}

}  // namespace
}  // namespace lomaw::test
