#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/ChildCall.h"

namespace lomaw::runtime {
namespace {

// True when this process has no child left (running or zombie).
bool noChildLeft() { return waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD; }

TEST(ChildCall, ResultAndStderrAreCaptured) {
    ChildOutcome r = runInChild(
        [](int fd) {
            writeAll(fd, "result");
            std::fputs("to stderr\n", stderr);
            std::printf("to stdout\n");  // folded into stderr, never the caller's stdout
            return 0;
        },
        0);
    EXPECT_EQ(r.kind, ChildOutcome::Kind::Exited);
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.result, "result");
    EXPECT_EQ(r.stderrText, "to stderr\nto stdout\n");
    EXPECT_TRUE(noChildLeft());
}

TEST(ChildCall, CrashBecomesSignal) {
    ChildOutcome r = runInChild(
        [](int) {
            raise(SIGSEGV);
            return 0;
        },
        0);
    EXPECT_EQ(r.kind, ChildOutcome::Kind::Signaled);
    EXPECT_EQ(r.signal, SIGSEGV);
    EXPECT_TRUE(noChildLeft());
}

TEST(ChildCall, ExitStatusIsReported) {
    ChildOutcome r = runInChild([](int) { return 3; }, 0);
    EXPECT_EQ(r.kind, ChildOutcome::Kind::Exited);
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_TRUE(noChildLeft());
}

TEST(ChildCall, TimeoutKillsTheChild) {
    auto start = std::chrono::steady_clock::now();
    ChildOutcome r = runInChild(
        [](int) {
            sleep(20);
            return 0;
        },
        0.2);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.kind, ChildOutcome::Kind::TimedOut);
    EXPECT_LT(seconds, 5.0);
    EXPECT_GE(seconds, 0.2);
    EXPECT_TRUE(noChildLeft());
}

TEST(ChildCall, LargeOutputOnBothPipesDoesNotDeadlock) {
    ChildOutcome r = runInChild(
        [](int fd) {
            std::string chunk(100000, 'e');
            for (int i = 0; i < 5; ++i) {
                std::fwrite(chunk.data(), 1, chunk.size(), stderr);
                writeAll(fd, std::string(100000, 'r'));
            }
            return 0;
        },
        10);
    EXPECT_EQ(r.kind, ChildOutcome::Kind::Exited);
    EXPECT_EQ(r.result.size(), 500000u);
    EXPECT_EQ(r.stderrText.size(), 500000u);
}

}  // namespace
}  // namespace lomaw::runtime
