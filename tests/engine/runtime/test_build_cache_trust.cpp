// The build cache loads and runs what it finds, so it checks it (runtime/CacheStore.h): a private
// directory, private files whatever the umask, and a content hash per entry; a corrupt or foreign
// entry is rebuilt with one note on stderr, and --timeout stops a compiler that hangs.
#include <chrono>
#include <csignal>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>
#include <gtest/gtest.h>

#include "RuntimeTestSupport.h"
#include "runtime/BuildCache.h"
#include "runtime/CacheStore.h"

namespace lomaw::runtime {
namespace {

using namespace test;

const char* kSource = "int twice(int x) { return 2 * x; }\n";

unsigned modeOf(const std::string& path) {
    struct stat st {};
    EXPECT_EQ(stat(path.c_str(), &st), 0) << path;
    return st.st_mode & 07777;
}

// Sets the umask for one scope.
class ScopedUmask {
public:
    explicit ScopedUmask(mode_t mask) : old_(umask(mask)) {}
    ~ScopedUmask() { umask(old_); }

private:
    mode_t old_;
};

// A compiler wrapper that counts its runs, then runs the real `cc`.
struct CountingCompiler {
    explicit CountingCompiler(const TempDir& dir) : path(dir.path() + "/countcc"), log(dir.path() + "/count.log") {
        writeFile(path, "#!/bin/sh\necho run >> '" + log + "'\nexec cc \"$@\"\n", true);
    }
    int runs() const {
        std::string text = readFile(log);
        return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    }
    std::string path, log;
};

TEST(BuildCacheTrust, DirectoryAndFilesArePrivateWhateverTheUmask) {
    TempDir dir;
    ScopedUmask open(0);  // used to leave a 0777 directory and 0777 libraries
    std::string cache = dir.path() + "/a/cache";
    BuildResult r = buildCached({kSource, "cc", cache, {}});
    ASSERT_EQ(r.kind, OutcomeKind::Ok) << r.message;
    EXPECT_EQ(modeOf(dir.path() + "/a"), 0700u);
    EXPECT_EQ(modeOf(cache), 0700u);
    EXPECT_EQ(modeOf(r.libraryPath), 0600u);
    EXPECT_EQ(modeOf(r.libraryPath + ".sha256"), 0600u);
    std::string source = r.libraryPath.substr(0, r.libraryPath.size() - 3) + ".c";
    EXPECT_EQ(modeOf(source), 0600u);
    EXPECT_EQ(readFile(r.libraryPath + ".sha256").size(), 65u);  // 64 hex digits and a newline
}

TEST(BuildCacheTrust, TruncatedLibraryIsRebuiltOnceWithANote) {
    TempDir dir;
    CountingCompiler cc(dir);
    BuildRequest req{kSource, cc.path, dir.path() + "/cache", {}};
    BuildResult first = buildCached(req);
    ASSERT_EQ(first.kind, OutcomeKind::Ok) << first.message;
    ASSERT_EQ(cc.runs(), 2);  // the compiler probe and the build
    ASSERT_EQ(truncate(first.libraryPath.c_str(), 100), 0);

    testing::internal::CaptureStderr();
    BuildResult second = buildCached(req);
    std::string note = testing::internal::GetCapturedStderr();
    ASSERT_EQ(second.kind, OutcomeKind::Ok) << second.message;
    EXPECT_FALSE(second.usedCache);
    EXPECT_EQ(cc.runs(), 3);
    EXPECT_EQ(note, "lomaw: note: rebuilt a corrupt cache entry " + first.libraryPath +
                        " (its content does not match its hash)\n");

    testing::internal::CaptureStderr();
    BuildResult third = buildCached(req);
    EXPECT_EQ(testing::internal::GetCapturedStderr(), "");  // said once: the new entry is sound
    EXPECT_TRUE(third.usedCache);
    EXPECT_EQ(cc.runs(), 3);
}

TEST(BuildCacheTrust, LibraryWithoutItsHashOrReplacedIsRebuilt) {
    TempDir dir;
    BuildRequest req{kSource, "cc", dir.path(), {}};
    BuildResult first = buildCached(req);
    ASSERT_EQ(first.kind, OutcomeKind::Ok) << first.message;

    ASSERT_EQ(unlink((first.libraryPath + ".sha256").c_str()), 0);
    testing::internal::CaptureStderr();
    EXPECT_FALSE(buildCached(req).usedCache);
    EXPECT_NE(testing::internal::GetCapturedStderr().find("(no content hash of its own beside it)"),
              std::string::npos);

    // A library of the same size with other bytes (a planted one) fails the hash.
    std::string text = readFile(first.libraryPath);
    text[text.size() / 2] ^= 1;
    ASSERT_EQ(unlink(first.libraryPath.c_str()), 0);
    writeFile(first.libraryPath, text);
    chmod(first.libraryPath.c_str(), 0600);
    testing::internal::CaptureStderr();
    EXPECT_FALSE(buildCached(req).usedCache);
    EXPECT_NE(testing::internal::GetCapturedStderr().find("(its content does not match its hash)"), std::string::npos);
    EXPECT_TRUE(buildCached(req).usedCache);
}

TEST(BuildCacheTrust, EntryWritableByOthersIsRebuilt) {
    TempDir dir;
    BuildRequest req{kSource, "cc", dir.path(), {}};
    BuildResult first = buildCached(req);
    ASSERT_EQ(first.kind, OutcomeKind::Ok) << first.message;
    ASSERT_EQ(chmod(first.libraryPath.c_str(), 0666), 0);
    testing::internal::CaptureStderr();
    EXPECT_FALSE(buildCached(req).usedCache);
    EXPECT_NE(testing::internal::GetCapturedStderr().find("(writable by other users (mode 0666))"), std::string::npos);
    EXPECT_EQ(modeOf(first.libraryPath), 0600u);
}

TEST(BuildCacheTrust, DirectoryWritableByOthersIsRefused) {
    TempDir dir;
    ASSERT_EQ(chmod(dir.path().c_str(), 0777), 0);
    BuildResult r = buildCached({kSource, "cc", dir.path(), {}});
    EXPECT_EQ(r.kind, OutcomeKind::EnvironmentError);
    EXPECT_EQ(r.message, "cannot use the build cache directory " + dir.path() +
                             ": writable by other users (mode 0777): lomaw loads and runs the files it finds there, "
                             "so it must be private to you (choose another with --cache-dir or LOMAW_CACHE_DIR, "
                             "or make it yours with chmod 700)");
}

// Ownership needs a second user: only root can give a file away.
TEST(BuildCacheTrust, FilesOfAnotherUserAreNeverLoaded) {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to create files of another user";
    TempDir dir;
    BuildRequest req{kSource, "cc", dir.path() + "/cache", {}};
    BuildResult first = buildCached(req);
    ASSERT_EQ(first.kind, OutcomeKind::Ok) << first.message;
    // Another user's library and hash, both consistent: still not ours, so rebuilt.
    ASSERT_EQ(chown(first.libraryPath.c_str(), 65534, 65534), 0);
    testing::internal::CaptureStderr();
    EXPECT_FALSE(buildCached(req).usedCache);
    EXPECT_NE(testing::internal::GetCapturedStderr().find("(owned by another user (uid 65534))"), std::string::npos);

    ASSERT_EQ(chown((dir.path() + "/cache").c_str(), 65534, 65534), 0);
    BuildResult r = buildCached(req);
    EXPECT_EQ(r.kind, OutcomeKind::EnvironmentError);
    EXPECT_NE(r.message.find(": owned by another user (uid 65534): lomaw loads and runs"), std::string::npos)
        << r.message;
}

bool running(pid_t pid) {
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string pidText, name, state;
    return stat >> pidText >> name >> state && state != "Z";
}

TEST(BuildCacheTrust, TimeoutStopsACompilerThatHangs) {
    TempDir dir;
    std::string pids = dir.path() + "/pids";
    std::string hang = dir.path() + "/hangcc";
    // Every run (the compiler probe, then the build) records its pid and sleeps in its place.
    writeFile(hang, "#!/bin/sh\necho $$ >> '" + pids + "'\nexec sleep 60\n", true);
    BuildRequest req{kSource, hang, dir.path() + "/cache", {}};
    req.timeoutSeconds = 0.5;
    auto start = std::chrono::steady_clock::now();
    BuildResult r = buildCached(req);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(r.kind, OutcomeKind::EnvironmentError);
    EXPECT_EQ(r.message, "building the kernel took longer than 0.5 s");
    EXPECT_LT(seconds, 10.0);
    std::ifstream in(pids);
    int count = 0;
    for (pid_t pid; in >> pid; ++count) EXPECT_FALSE(running(pid)) << "compiler " << pid << " left running";
    EXPECT_EQ(count, 2);
}

}  // namespace
}  // namespace lomaw::runtime
