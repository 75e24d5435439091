#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <gtest/gtest.h>

#include "RuntimeTestSupport.h"
#include "runtime/BuildCache.h"
#include "runtime/Toolchain.h"

namespace lomaw::runtime {
namespace {

using namespace test;

// Sets an environment variable for one scope and restores it.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : name_(name) {
        const char* old = std::getenv(name);
        if (old) old_ = old;
        hadOld_ = old != nullptr;
        if (value) {
            setenv(name, value, 1);
        } else {
            unsetenv(name);
        }
    }
    ~ScopedEnv() {
        if (hadOld_) {
            setenv(name_, old_.c_str(), 1);
        } else {
            unsetenv(name_);
        }
    }

private:
    const char* name_;
    std::string old_;
    bool hadOld_ = false;
};

TEST(Toolchain, MissingCompilerOnPath) {
    TempDir empty;
    ScopedEnv cc("LOMAW_CC", nullptr);
    ScopedEnv path("PATH", empty.path().c_str());
    CompilerLookup r = findCompiler("");
    EXPECT_FALSE(r.compiler);
    EXPECT_EQ(r.error, "no C compiler found: install gcc (apt-get install gcc) or set LOMAW_CC");
}

TEST(Toolchain, BadLomawCc) {
    ScopedEnv cc("LOMAW_CC", "/x");
    CompilerLookup r = findCompiler("");
    EXPECT_FALSE(r.compiler);
    EXPECT_EQ(r.error, "LOMAW_CC=/x: not an executable");
}

TEST(Toolchain, ExplicitOptionWinsOverEnvironment) {
    TempDir dir;
    std::string notExecutable = dir.path() + "/cc";
    writeFile(notExecutable, "not a compiler\n");
    ScopedEnv cc("LOMAW_CC", "cc");
    CompilerLookup r = findCompiler(notExecutable);
    EXPECT_FALSE(r.compiler);
    EXPECT_EQ(r.error, "C compiler " + notExecutable + ": not an executable");
}

TEST(Toolchain, NameIsSearchedOnPath) {
    TempDir dir;
    writeFile(dir.path() + "/mycc", "#!/bin/sh\nexit 0\n", /*executable=*/true);
    ScopedEnv path("PATH", dir.path().c_str());
    ScopedEnv cc("LOMAW_CC", "mycc");
    CompilerLookup r = findCompiler("");
    ASSERT_TRUE(r.compiler) << r.error;
    EXPECT_EQ(r.compiler->path, dir.path() + "/mycc");
}

TEST(BuildCacheDir, Precedence) {
    std::string error;
    ScopedEnv lomaw("LOMAW_CACHE_DIR", "/a");
    ScopedEnv xdg("XDG_CACHE_HOME", "/b");
    ScopedEnv home("HOME", "/c");
    EXPECT_EQ(resolveCacheDir("/opt", error), "/opt");
    EXPECT_EQ(resolveCacheDir("", error), "/a");
    {
        ScopedEnv unset("LOMAW_CACHE_DIR", nullptr);
        EXPECT_EQ(resolveCacheDir("", error), "/b/lomaw");
        ScopedEnv unsetXdg("XDG_CACHE_HOME", nullptr);
        EXPECT_EQ(resolveCacheDir("", error), "/c/.cache/lomaw");
    }
}

// A compiler wrapper that counts its invocations in a file, then runs the real `cc`.
class CountingCompiler {
public:
    explicit CountingCompiler(const TempDir& dir) : script_(dir.path() + "/countcc"), log_(dir.path() + "/count.log") {
        writeFile(script_, "#!/bin/sh\necho run >> '" + log_ + "'\nexec cc \"$@\"\n", true);
    }
    int invocations() const {
        std::string text = readFile(log_);
        return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    }
    const std::string& path() const { return script_; }

private:
    std::string script_, log_;
};

const char* kSource = "int twice(int x) { return 2 * x; }\n";

TEST(BuildCache, SecondBuildOfSameTextDoesNotRunTheCompiler) {
    TempDir dir;
    CountingCompiler cc(dir);
    BuildRequest req{kSource, cc.path(), dir.path() + "/cache", {}};
    BuildResult first = buildCached(req);
    ASSERT_EQ(first.kind, OutcomeKind::Ok) << first.message;
    EXPECT_FALSE(first.usedCache);
    EXPECT_EQ(cc.invocations(), 2);  // compiler probe + the build
    EXPECT_EQ(first.libraryPath.size(), (dir.path() + "/cache/").size() + 64 + 3);

    BuildResult second = buildCached(req);
    ASSERT_EQ(second.kind, OutcomeKind::Ok);
    EXPECT_TRUE(second.usedCache);
    EXPECT_EQ(second.libraryPath, first.libraryPath);
    EXPECT_EQ(cc.invocations(), 2);  // neither probe nor build

    req.cSource += "int thrice(int x) { return 3 * x; }\n";
    BuildResult third = buildCached(req);
    ASSERT_EQ(third.kind, OutcomeKind::Ok);
    EXPECT_FALSE(third.usedCache);
    EXPECT_NE(third.libraryPath, first.libraryPath);
    EXPECT_EQ(cc.invocations(), 3);  // the probe result is cached

    req.extraFlags = {"-DX=1"};  // flags are part of the key
    EXPECT_FALSE(buildCached(req).usedCache);
    EXPECT_EQ(cc.invocations(), 4);
}

TEST(BuildCache, ChangedCompilerInvalidatesTheCache) {
    TempDir dir;
    CountingCompiler cc(dir);
    BuildRequest req{kSource, cc.path(), dir.path() + "/cache", {}};
    ASSERT_EQ(buildCached(req).kind, OutcomeKind::Ok);
    EXPECT_EQ(cc.invocations(), 2);
    // Same compiler path, new mtime (an upgraded compiler).
    struct timespec times[2] = {{1000000, 0}, {1000000, 0}};
    ASSERT_EQ(utimensat(AT_FDCWD, cc.path().c_str(), times, 0), 0);
    BuildResult again = buildCached(req);
    ASSERT_EQ(again.kind, OutcomeKind::Ok);
    EXPECT_FALSE(again.usedCache);
    EXPECT_EQ(cc.invocations(), 4);
}

// The probe's answer file in `cacheDir` (there is one per compiler).
std::string probeAnswerIn(const std::string& cacheDir) {
    for (const auto& e : std::filesystem::directory_iterator(cacheDir))
        if (e.path().filename().string().rfind("compiler-probe-", 0) == 0) return readFile(e.path().string());
    return "(no probe answer)";
}

TEST(CompilerProbe, GccAcceptsOpenMpAndTheCheapVectorizerCostModel) {
    TempDir dir;
    CompilerLookup cc = findCompiler("cc");
    ASSERT_TRUE(cc.compiler) << cc.error;
    CompilerFeatures f = probeCompiler(*cc.compiler, dir.path());
    EXPECT_TRUE(f.openMp);
    EXPECT_TRUE(f.vectorizerCostModel);
    EXPECT_EQ(featureFlags(f), (std::vector<std::string>{"-fvect-cost-model=cheap", "-fopenmp"}));
    EXPECT_EQ(probeAnswerIn(dir.path()), "openmp=yes vectorizer=yes\n");
}

// A compiler that only warns about GCC's cost-model flag (clang ignores it) is built for without
// it; the answer is probed once per compiler and kept.
TEST(CompilerProbe, ACompilerThatWarnsAboutTheCostModelIsNotGivenIt) {
    TempDir dir;
    std::string log = dir.path() + "/args.log";
    std::string cc = dir.path() + "/warncc";
    writeFile(cc,
              "#!/bin/sh\necho \"$*\" >> '" + log + "'\n"
              "case \" $* \" in *\" -fvect-cost-model=cheap \"*)\n"
              "  echo \"warning: optimization flag '-fvect-cost-model=cheap' is not supported\" >&2\n"
              "  case \" $* \" in *\" -Werror \"*) exit 1;; esac;;\n"
              "esac\nexec cc \"$@\"\n",
              /*executable=*/true);
    BuildRequest req{kSource, cc, dir.path() + "/cache", {}};
    BuildResult first = buildCached(req);
    ASSERT_EQ(first.kind, OutcomeKind::Ok) << first.message;
    EXPECT_EQ(probeAnswerIn(dir.path() + "/cache"), "openmp=yes vectorizer=no\n");
    // Probes: both flags (refused), -fopenmp alone, the cost model alone (refused); then the build.
    std::string calls = readFile(log);
    EXPECT_EQ(std::count(calls.begin(), calls.end(), '\n'), 4) << calls;
    std::string build = calls.substr(calls.rfind('\n', calls.size() - 2) + 1);
    EXPECT_EQ(build.find("-fvect-cost-model"), std::string::npos) << build;
    EXPECT_NE(build.find("-fopenmp"), std::string::npos) << build;

    req.cSource += "int thrice(int x) { return 3 * x; }\n";
    ASSERT_EQ(buildCached(req).kind, OutcomeKind::Ok);
    calls = readFile(log);
    EXPECT_EQ(std::count(calls.begin(), calls.end(), '\n'), 5) << calls;  // the answer was kept
}

TEST(BuildCache, CompileErrorIsAnInternalErrorWithTheCompilerOutput) {
    TempDir dir;
    BuildRequest req{"int broken( { return; }\n", "cc", dir.path(), {}};
    BuildResult r = buildCached(req);
    EXPECT_EQ(r.kind, OutcomeKind::InternalError);
    EXPECT_EQ(r.message.rfind("internal compiler error: the generated C does not compile", 0), 0u) << r.message;
    EXPECT_NE(r.message.find("error:"), std::string::npos) << r.message;
}

TEST(BuildCache, MissingCompilerIsAnEnvironmentError) {
    TempDir dir;
    BuildResult r = buildCached({kSource, "/nonexistent/cc", dir.path(), {}});
    EXPECT_EQ(r.kind, OutcomeKind::EnvironmentError);
    EXPECT_EQ(r.message, "C compiler /nonexistent/cc: not an executable");
}

// What GCC prints when the kernel (out of memory, someone's kill -9) kills one of its programs:
// the driver itself exits 1, so only its output tells (captured from gcc 12 and collect2).
constexpr const char* kCc1Killed = "gcc: fatal error: Killed signal terminated program cc1\ncompilation terminated.\n";
constexpr const char* kLdKilled = "collect2: fatal error: ld terminated with signal 9 [Killed]\ncompilation terminated.\n";

ProcessResult exitedWith(int code, const std::string& output) {
    ProcessResult r;
    r.launched = true;
    r.exitCode = code;
    r.output = output;
    return r;
}

TEST(CompilerRun, KilledProgramsOfTheCompilerAreNamedByTheirSignal) {
    for (const char* text : {kCc1Killed, kLdKilled, "gcc: internal compiler error: Killed (program cc1)\n"}) {
        CompileResult r = compileResultOf(exitedWith(1, text));
        EXPECT_EQ(r.status, CompileResult::Status::Killed) << text;
        EXPECT_EQ(r.signal, SIGKILL) << text;
        EXPECT_EQ(r.diagnostics, text);
    }
    // Another signal, spelled by strsignal: a segfault of cc1.
    CompileResult segv = compileResultOf(exitedWith(4, "gcc: internal compiler error: Segmentation fault signal "
                                                       "terminated program cc1\n"));
    EXPECT_EQ(segv.status, CompileResult::Status::Killed);
    EXPECT_EQ(segv.signal, SIGSEGV);
    // The driver itself killed.
    ProcessResult killed = exitedWith(-1, "");
    killed.signal = SIGTERM;
    EXPECT_EQ(compileResultOf(killed).status, CompileResult::Status::Killed);
    EXPECT_EQ(compileResultOf(killed).signal, SIGTERM);
    // A C error is not a kill, even when it names a signal.
    CompileResult broken = compileResultOf(exitedWith(1, "k.c:3:5: error: 'signal' undeclared (first use in this function)\n"));
    EXPECT_EQ(broken.status, CompileResult::Status::CompileFailed);
    EXPECT_EQ(broken.signal, 0);
    EXPECT_EQ(compileResultOf(exitedWith(0, "")).status, CompileResult::Status::Ok);
}

TEST(CompilerRun, AKilledCompilerIsAnEnvironmentError) {
    std::optional<Outcome> o =
        buildEnvironmentFailure(compileResultOf(exitedWith(1, kLdKilled)), "the C compiler /usr/bin/cc", 0);
    ASSERT_TRUE(o);
    EXPECT_EQ(o->kind, OutcomeKind::EnvironmentError);
    EXPECT_EQ(o->message, std::string("the C compiler /usr/bin/cc was killed by signal 9 (Killed) while building (out of "
                                      "memory, or stopped by someone else):\n") + kLdKilled);
    EXPECT_FALSE(buildEnvironmentFailure(compileResultOf(exitedWith(1, "k.c:1:1: error: x\n")), "cc", 0));
}

TEST(BuildCache, CompilerKilledWhileBuildingIsAnEnvironmentError) {
    TempDir dir;
    std::string cc = dir.path() + "/killed-cc";
    writeFile(cc, std::string("#!/bin/sh\nprintf '") + kCc1Killed + "' >&2\nexit 1\n", /*executable=*/true);
    BuildResult r = buildCached({kSource, cc, dir.path() + "/cache", {}});
    EXPECT_EQ(r.kind, OutcomeKind::EnvironmentError);
    EXPECT_EQ(r.message.rfind("the C compiler " + cc + " was killed by signal 9 (Killed) while building", 0), 0u)
        << r.message;
    // Nothing is kept for a bug report: the C was fine.
    for (const auto& e : std::filesystem::directory_iterator(dir.path() + "/cache"))
        EXPECT_EQ(e.path().string().find(".failed.c"), std::string::npos) << e.path();
}

TEST(BuildCache, ConcurrentBuildersOfOneKeyAllSucceed) {
    TempDir dir;
    BuildRequest req{"float half(float x) { return x / 2; }\n", "cc", dir.path(), {}};
    std::vector<BuildResult> results(3);
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i) threads.emplace_back([&, i] { results[i] = buildCached(req); });
    for (std::thread& t : threads) t.join();
    for (const BuildResult& r : results) {
        EXPECT_EQ(r.kind, OutcomeKind::Ok) << r.message;
        EXPECT_EQ(r.libraryPath, results[0].libraryPath);
    }
    // No temporary files are left behind.
    int entries = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) {
        EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << e.path();
        ++entries;
    }
    EXPECT_EQ(entries, 4);  // probe answer, <key>.so, its hash <key>.so.sha256, <key>.c
}

}  // namespace
}  // namespace lomaw::runtime
