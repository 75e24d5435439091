#include "runtime/ChildGroups.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace lomaw::runtime {

namespace {

// ---- The registry: fixed storage, so that a signal handler can read it without locks ----

constexpr int kSlots = 32;
constexpr int kPathsPerSlot = 4;
constexpr size_t kPathBytes = 1024;

struct Slot {
    std::atomic<int> state{0};  // 0 free, 1 being filled or emptied, 2 live
    pid_t group = 0;            // 0: paths only
    int paths = 0;
    char path[kPathsPerSlot][kPathBytes];
};

Slot g_slots[kSlots];

int claimSlot(pid_t group, const std::vector<std::string>& paths) {
    for (int i = 0; i < kSlots; ++i) {
        int expected = 0;
        if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
        Slot& s = g_slots[i];
        s.group = group;
        s.paths = 0;
        for (const std::string& p : paths) {
            if (s.paths == kPathsPerSlot || p.size() >= kPathBytes) break;  // not torn down: too many
            std::memcpy(s.path[s.paths], p.c_str(), p.size() + 1);
            ++s.paths;
        }
        s.state.store(2);
        return i;
    }
    return -1;  // more than kSlots live children: they still run, only without signal teardown
}

void releaseSlot(int slot) {
    if (slot >= 0) g_slots[slot].state.store(0);
}

// ---- Async-signal-safe helpers ----

double monotonicSeconds() {
    timespec t{};
    clock_gettime(CLOCK_MONOTONIC, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

void sleepMs(long ms) {
    timespec t{ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&t, nullptr);
}

struct LinuxDirent64 {
    unsigned long long ino;
    long long off;
    unsigned short reclen;
    unsigned char type;
    char name[1];
};

void removeAt(int dirFd, const char* name, int depth) {
    if (unlinkat(dirFd, name, 0) == 0 || (errno != EISDIR && errno != EPERM) || depth > 8) return;
    int fd = openat(dirFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    // Entries removed while reading may shift the directory: read again until nothing is left.
    for (bool removed = true; removed;) {
        removed = false;
        lseek(fd, 0, SEEK_SET);
        alignas(8) char buf[4096];
        for (long n; (n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0;) {
            for (long at = 0; at < n;) {
                const LinuxDirent64* d = reinterpret_cast<const LinuxDirent64*>(buf + at);
                at += d->reclen;
                if (std::strcmp(d->name, ".") == 0 || std::strcmp(d->name, "..") == 0) continue;
                removeAt(fd, d->name, depth + 1);
                removed = true;
            }
        }
    }
    close(fd);
    unlinkat(dirFd, name, AT_REMOVEDIR);
}

bool groupGone(pid_t group) {
    int status;
    waitpid(group, &status, WNOHANG);  // reap the guardian if it is ours and has ended
    return kill(-group, 0) != 0 && errno == ESRCH;
}

// SIGTERM to each group, up to `grace` seconds for all to end, SIGKILL to the rest.
void stopGroups(const pid_t* groups, int count, double grace) {
    for (int i = 0; i < count; ++i) kill(-groups[i], SIGTERM);
    double deadline = monotonicSeconds() + grace;
    for (;;) {
        bool all = true;
        for (int i = 0; i < count; ++i) all = all && groupGone(groups[i]);
        if (all) return;
        if (monotonicSeconds() >= deadline) break;
        sleepMs(10);
    }
    for (int i = 0; i < count; ++i) kill(-groups[i], SIGKILL);
}

// ---- The stop handler of the CLI ----

volatile sig_atomic_t g_stopping = 0;

void onStopSignal(int sig) {
    if (!g_stopping) {
        g_stopping = 1;
        pid_t groups[kSlots];
        int count = 0;
        for (Slot& s : g_slots)
            if (s.state.load() == 2 && s.group > 0) groups[count++] = s.group;
        stopGroups(groups, count, 1.0);
        for (Slot& s : g_slots)
            if (s.state.load() == 2)
                for (int p = 0; p < s.paths; ++p) removeTree(s.path[p]);
    }
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, nullptr);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, sig);
    sigprocmask(SIG_UNBLOCK, &unblock, nullptr);
    raise(sig);
}

// ---- The guardian (between fork and _exit: async-signal-safe only) ----

volatile sig_atomic_t g_parentGone = 0;

void onParentDeath(int) { g_parentGone = 1; }
void onIgnoredStop(int) {}

void setHandler(int sig, void (*handler)(int)) {
    struct sigaction a {};
    a.sa_handler = handler;
    sigemptyset(&a.sa_mask);
    sigaction(sig, &a, nullptr);
}

[[noreturn]] void runProgram(pid_t guardian, const GuardedSpawn& spec, char* const* argv, char* const* envp) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != guardian) _exit(127);
    int devNull = open("/dev/null", O_RDONLY);
    if (devNull >= 0 && devNull != STDIN_FILENO) {
        dup2(devNull, STDIN_FILENO);
        close(devNull);
    }
    if (spec.stdoutFd >= 0) dup2(spec.stdoutFd, STDOUT_FILENO);
    if (spec.stderrFd >= 0) dup2(spec.stderrFd, STDERR_FILENO);
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP) signal(sig, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    execve(argv[0], argv, envp);
    _exit(127);
}

[[noreturn]] void runGuardian(pid_t parent, const GuardedSpawn& spec, char* const* argv, char* const* envp,
                              int errorFd) {
    setpgid(0, 0);
    pid_t self = getpid();
    pid_t program = fork();
    if (program < 0) {
        int e = errno;
        ssize_t ignored = write(errorFd, &e, sizeof e);
        (void)ignored;
        _exit(127);
    }
    if (program == 0) runProgram(self, spec, argv, envp);
    close(errorFd);
    // The guardian stays for the whole run: SIGTERM/SIGINT to the group are meant for the program.
    setHandler(SIGUSR1, onParentDeath);
    setHandler(SIGTERM, onIgnoredStop);
    setHandler(SIGINT, onIgnoredStop);
    setHandler(SIGHUP, onIgnoredStop);
    prctl(PR_SET_PDEATHSIG, SIGUSR1);
    if (getppid() != parent) g_parentGone = 1;
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);

    int status = 0;
    double stopDeadline = 0;
    for (;;) {
        pid_t r = waitpid(program, &status, g_parentGone ? WNOHANG : 0);
        if (r == program) break;
        if (r < 0 && errno != EINTR) break;
        if (!g_parentGone) continue;
        // The caller died without stopping us (SIGKILL, a crash): stop the group ourselves.
        if (stopDeadline == 0) {
            kill(-self, SIGTERM);
            stopDeadline = monotonicSeconds() + 1.0;
        } else if (monotonicSeconds() > stopDeadline) {
            for (const std::string& p : spec.temporaryPaths) removeTree(p.c_str());
            kill(-self, SIGKILL);
        }
        sleepMs(10);
    }
    if (g_parentGone)
        for (const std::string& p : spec.temporaryPaths) removeTree(p.c_str());
    if (WIFSIGNALED(status)) {
        // Mirror the program's death, without a core file of the guardian.
        rlimit none{0, 0};
        setrlimit(RLIMIT_CORE, &none);
        int sig = WTERMSIG(status);
        signal(sig, SIG_DFL);
        kill(self, sig);
        _exit(128 + sig);
    }
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 127);
}

}  // namespace

void removeTree(const char* path) { removeAt(AT_FDCWD, path, 0); }

bool ChildGroup::start(const GuardedSpawn& spec, std::string& error) {
    if (spec.argv.empty()) {
        error = "no program given";
        return false;
    }
    if (access(spec.argv[0].c_str(), X_OK) != 0) {
        error = spec.argv[0] + ": " + std::strerror(errno);
        return false;
    }
    // Everything the children need is prepared before fork (no allocation after it).
    std::vector<char*> argv, envp;
    for (const std::string& a : spec.argv) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (spec.environment) {
        for (const std::string& e : *spec.environment) envp.push_back(const_cast<char*>(e.c_str()));
        envp.push_back(nullptr);
    }
    char* const* env = spec.environment ? envp.data() : environ;
    int errorPipe[2];
    if (pipe2(errorPipe, O_CLOEXEC) != 0) {
        error = std::string("pipe: ") + std::strerror(errno);
        return false;
    }
    // No stop signal between fork and registration: the handler would miss the new group.
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        close(errorPipe[0]);
        runGuardian(parent, spec, argv.data(), env, errorPipe[1]);
    }
    int forkError = errno;
    if (pid > 0) {
        setpgid(pid, pid);  // also here, so the group exists before anyone signals it
        pid_ = pid;
        slot_ = claimSlot(pid, spec.temporaryPaths);
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    close(errorPipe[1]);
    if (pid < 0) {
        close(errorPipe[0]);
        error = std::string("fork: ") + std::strerror(forkError);
        return false;
    }
    int childError = 0;
    ssize_t n;
    while ((n = read(errorPipe[0], &childError, sizeof childError)) < 0 && errno == EINTR) {
    }
    close(errorPipe[0]);
    if (n == sizeof childError) {
        wait();
        error = std::string("fork: ") + std::strerror(childError);
        return false;
    }
    return true;
}

void ChildGroup::release() {
    releaseSlot(slot_);
    slot_ = -1;
    pid_ = -1;
}

int ChildGroup::wait() {
    int status = 0;
    if (pid_ > 0)
        while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
        }
    release();
    return status;
}

bool ChildGroup::poll(int& status) {
    if (pid_ <= 0) return true;
    pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == 0) return false;
    release();
    return true;
}

void ChildGroup::stop(double graceSeconds) {
    if (pid_ <= 0) return;
    pid_t group = pid_;
    stopGroups(&group, 1, graceSeconds);
    wait();
}

ChildGroup::~ChildGroup() { releaseSlot(slot_); }

TemporaryPaths::TemporaryPaths(const std::vector<std::string>& paths) : slot_(claimSlot(0, paths)) {}

TemporaryPaths::~TemporaryPaths() { releaseSlot(slot_); }

void installStopHandlers() {
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction a {};
        a.sa_handler = onStopSignal;
        sigfillset(&a.sa_mask);  // one teardown at a time
        sigaction(sig, &a, nullptr);
    }
}

}  // namespace lomaw::runtime
