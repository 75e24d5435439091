#include <cstdlib>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "RunnerFixture.h"

namespace lomaw::runtime {
namespace {

using namespace test;
using Status = OutcomeKind;

class ScalarRunner : public RunnerTest {
protected:
    void SetUp() override {
        // def f(x : In[float], y : In[float]) -> float: return x * y   and  d_f = rev_diff(f)
        add(makeFunction("f", {{"x", tFloat()}, {"y", tFloat()}}, tFloat()));
        add(makeFunction("d_f", {{"x", tFloat()}, {"_dx", tFloat(), true}, {"y", tFloat()},
                                 {"_dy", tFloat(), true}, {"_dreturn", tFloat()}}));
        add(makeFunction("idiv", {{"a", tInt()}, {"b", tInt()}}, tInt()));
        add(makeFunction("count", {{"n", tInt(), true}}));
        add(makeFunction("nothing", {}));
        add(makeFunction("boom", {}));
        add(makeFunction("bail", {}));
        add(makeFunction("chatty", {}, tInt()));
        add(makeFunction("spin", {}));
        cSource = R"(#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
float f(float x, float y) { return x * y; }
void d_f(float x, float* _dx, float y, float* _dy, float _dreturn) {
    *_dx += _dreturn * y;
    *_dy += _dreturn * x;
}
int idiv(int a, int b) {
    if (b == 0) { fprintf(stderr, "runtime error: integer division by zero\n"); exit(3); }
    return a / b;
}
void count(int* n) { *n = *n + 1; }
void nothing(void) {}
void boom(void) { volatile int* p = 0; *p = 1; }
void bail(void) { abort(); }
int chatty(void) { fprintf(stderr, "note from the kernel\n"); return 7; }
void spin(void) { volatile int x = 0; for (;;) x++; }
)";
    }
};

TEST_F(ScalarRunner, SpecExample) {
    EXPECT_EQ(ok("d_f", "[2.0, 0.0, 3.0, 0.0, 1.0]"), "{\"return\": null, \"args\": [2, 3, 3, 2, 1]}");
}

TEST_F(ScalarRunner, FloatReturnIsFloat32) {
    // 0.1f * 3.0f = 0.300000012 in binary32 (0.3 in double would print 0.3).
    EXPECT_EQ(ok("f", "[0.1, 3]"), "{\"return\": 0.300000012, \"args\": [0.100000001, 3]}");
    EXPECT_EQ(ok("f", "[\"inf\", -1]"), "{\"return\": \"-inf\", \"args\": [\"inf\", -1]}");
    EXPECT_EQ(ok("f", "[\"inf\", 0]"), "{\"return\": \"nan\", \"args\": [\"inf\", 0]}");
}

TEST_F(ScalarRunner, IntsAndOutInts) {
    EXPECT_EQ(ok("idiv", "[-7, 2]"), "{\"return\": -3, \"args\": [-7, 2]}");
    EXPECT_EQ(ok("count", "[41]"), "{\"return\": null, \"args\": [42]}");
    EXPECT_EQ(ok("nothing", ""), "{\"return\": null, \"args\": []}");
}

TEST_F(ScalarRunner, SecondRunUsesTheCache) {
    RunOutcome first = run("f", "[1, 2]");
    ASSERT_EQ(first.kind, Status::Ok) << first.message;
    RunOutcome second = run("idiv", "[1, 2]");  // another function of the same module
    ASSERT_EQ(second.kind, Status::Ok) << second.message;
    EXPECT_TRUE(second.usedCache);
}

TEST_F(ScalarRunner, RuntimeErrorLineBecomesTheMessage) {
    RunOutcome r = run("idiv", "[1, 0]");
    EXPECT_EQ(r.kind, Status::RuntimeError);
    EXPECT_EQ(r.message, "integer division by zero");
    EXPECT_EQ(r.output, "");
    EXPECT_EQ(passedThrough, "");
    EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1);  // no child left behind
}

// Set before the call: an atexit handler of this process must not run in the child when
// generated code calls exit(3) (the harness maps exit to _Exit).
std::string gAtexitMarker;
pid_t gTestProcess = 0;
void markIfRunInAChild() {
    if (getpid() != gTestProcess && !gAtexitMarker.empty()) std::ofstream(gAtexitMarker) << "ran\n";
}

TEST_F(ScalarRunner, RuntimeErrorExitDoesNotRunTheCallersAtexitHandlers) {
    gTestProcess = getpid();
    gAtexitMarker = cache.path() + "/atexit-ran";
    std::atexit(markIfRunInAChild);
    RunOutcome r = run("idiv", "[1, 0]");
    EXPECT_EQ(r.kind, Status::RuntimeError);
    struct stat st {};
    EXPECT_NE(stat(gAtexitMarker.c_str(), &st), 0) << "the child ran this process's atexit handler";
}

TEST_F(ScalarRunner, FunctionMissingFromTheCTextIsAnInternalError) {
    add(makeFunction("ghost", {}));
    RunOutcome r = run("f", "[1, 2]");
    EXPECT_EQ(r.kind, Status::InternalError);
    EXPECT_NE(r.message.find("undefined symbol: ghost"), std::string::npos) << r.message;
}

TEST_F(ScalarRunner, CrashesBecomeRuntimeErrors) {
    RunOutcome r = run("boom", "[]");
    EXPECT_EQ(r.kind, Status::RuntimeError);
    EXPECT_EQ(r.message, "the kernel crashed: signal 11 (Segmentation fault)");
    r = run("bail", "[]");
    EXPECT_EQ(r.kind, Status::RuntimeError);
    EXPECT_EQ(r.message, "the kernel crashed: signal 6 (Aborted)");
    EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1);
}

TEST_F(ScalarRunner, OtherStderrIsPassedThrough) {
    EXPECT_EQ(ok("chatty", "[]"), "{\"return\": 7, \"args\": []}");
    EXPECT_EQ(passedThrough, "note from the kernel\n");
}

TEST_F(ScalarRunner, Timeout) {
    // The timeout limits the build too (BuildCacheTrust.TimeoutStopsACompilerThatHangs): build the
    // module's library first (one library for all its functions), so only the call is timed here.
    ASSERT_EQ(run("chatty", "[]").kind, Status::Ok);
    RunOutcome r = run("spin", "[]", std::nullopt, 0.5);
    EXPECT_EQ(r.kind, Status::TimedOut);  // not a RuntimeError: the kernel did nothing wrong
    EXPECT_EQ(r.message, "timed out after 0.5 s");
    EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1);
}

TEST_F(ScalarRunner, BatchTimeout) {
    // The batch's sets run in one child: the timeout stops it in the first set that never returns.
    ASSERT_EQ(run("chatty", "[]").kind, Status::Ok);  // the library is built before the timed call
    RunOutcome r = runBatchOf("spin", "[[], []]", 0.25);
    EXPECT_EQ(r.kind, Status::TimedOut);
    EXPECT_EQ(r.message, "timed out after 0.25 s");
    EXPECT_EQ(waitpid(-1, nullptr, WNOHANG), -1);
    // A set that returns is still run within the limit.
    r = runBatchOf("count", "[[1], [41]]", 5);
    ASSERT_EQ(r.kind, Status::Ok) << r.message;
    EXPECT_EQ(r.output, "[{\"return\": null, \"args\": [2]},\n {\"return\": null, \"args\": [42]}]");
}

TEST_F(ScalarRunner, UsageErrorsComeBeforeAnyBuild) {
    compiler = "/nonexistent/cc";  // would be a toolchain error if a build were attempted
    RunOutcome r = run("g", "[]");
    EXPECT_EQ(r.kind, Status::UsageError);
    EXPECT_EQ(r.message.rfind("unknown function 'g' (the module defines: ", 0), 0u) << r.message;
    r = run("f", "[1]");
    EXPECT_EQ(r.kind, Status::UsageError);
    EXPECT_EQ(r.message, "--args: f takes 2 arguments, got 1 value");
    r = run("f", "[1, 2]", 4);
    EXPECT_EQ(r.kind, Status::UsageError);
    EXPECT_EQ(r.message, "--threads given, but f is not a @simd function");
    r = run("f", "[1, 2]");
    EXPECT_EQ(r.kind, Status::EnvironmentError);
    EXPECT_EQ(r.message, "C compiler /nonexistent/cc: not an executable");
}

TEST_F(ScalarRunner, GeneratedCThatDoesNotCompileIsAnInternalError) {
    cSource += "this is not C;\n";
    RunOutcome r = run("f", "[1, 2]");
    EXPECT_EQ(r.kind, Status::InternalError);
    EXPECT_NE(r.message.find("the generated C does not compile"), std::string::npos) << r.message;
}

TEST_F(ScalarRunner, LatencyOfACachedCall) {
    ASSERT_EQ(run("f", "[1, 2]").kind, Status::Ok);
    const int calls = 20;
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < calls; ++i) ASSERT_EQ(run("f", "[1, 2]").kind, Status::Ok);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("[ latency  ] cached runFunction (hash + fork + dlopen + call): %.2f ms per call\n", ms / calls);
}

}  // namespace
}  // namespace lomaw::runtime
