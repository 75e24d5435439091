#include "runtime/ChildCall.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lomaw::runtime {

namespace {

using Clock = std::chrono::steady_clock;

void closeFd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

// Reads what is available on `fd` into `out`; closes it on end of file.
void drain(int& fd, std::string& out) {
    char buf[8192];
    ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
        out.append(buf, static_cast<size_t>(n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
        closeFd(fd);
    }
}

[[noreturn]] void runChild(const std::function<int(int)>& body, pid_t parent, int resultFd, int errFd) {
    // Die with the parent; if it is already gone (the race before prctl), stop now.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(125);
    dup2(errFd, STDERR_FILENO);
    dup2(errFd, STDOUT_FILENO);
    if (errFd != STDERR_FILENO && errFd != STDOUT_FILENO) close(errFd);
    int devNull = open("/dev/null", O_RDONLY);
    if (devNull >= 0) {
        dup2(devNull, STDIN_FILENO);
        if (devNull != STDIN_FILENO) close(devNull);
    }
    signal(SIGPIPE, SIG_DFL);
    // A crash in generated code must end the child with its signal, whatever handlers the
    // caller installed (a GUI's crash reporter, a sanitizer runtime that would turn SIGSEGV
    // into its own report and exit 1): the parent names the signal to the user.
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT}) signal(sig, SIG_DFL);
    int status = body(resultFd);
    fflush(nullptr);
    _exit(status);
}

}  // namespace

bool writeAll(int fd, const std::string& bytes) {
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<size_t>(n);
    }
    return true;
}

ChildOutcome runInChild(const std::function<int(int resultFd)>& body, double timeoutSeconds,
                        const std::function<void(const std::string& piece)>& onResult) {
    ChildOutcome out;
    int resultPipe[2];
    int errPipe[2];
    if (pipe2(resultPipe, O_CLOEXEC) != 0) {
        out.error = std::string("pipe: ") + std::strerror(errno);
        return out;
    }
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        out.error = std::string("pipe: ") + std::strerror(errno);
        close(resultPipe[0]);
        close(resultPipe[1]);
        return out;
    }
    // Unflushed caller output would otherwise be written twice (once by the child).
    std::fflush(nullptr);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        out.error = std::string("fork: ") + std::strerror(errno);
        for (int fd : {resultPipe[0], resultPipe[1], errPipe[0], errPipe[1]}) close(fd);
        return out;
    }
    if (pid == 0) {
        close(resultPipe[0]);
        close(errPipe[0]);
        runChild(body, parent, resultPipe[1], errPipe[1]);
    }
    close(resultPipe[1]);
    close(errPipe[1]);
    int resultFd = resultPipe[0];
    int errFd = errPipe[0];

    const bool limited = timeoutSeconds > 0;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(limited ? timeoutSeconds : 0));
    bool timedOut = false;
    int status = 0;
    bool reaped = false;
    while (!reaped) {
        int waitMs = -1;
        if (limited) {
            auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now()).count();
            if (left <= 0) {
                timedOut = true;
                break;
            }
            waitMs = static_cast<int>(std::min<long long>(left, 1000000));
        }
        if (resultFd < 0 && errFd < 0) {
            // Both pipes closed: the child is ending (or closed them itself); wait for it.
            if (!limited) {
                while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
                }
                reaped = true;
                break;
            }
            pid_t w = waitpid(pid, &status, WNOHANG);
            if (w == pid) {
                reaped = true;
                break;
            }
            usleep(1000);
            continue;
        }
        pollfd fds[2];
        nfds_t n = 0;
        if (resultFd >= 0) fds[n++] = {resultFd, POLLIN, 0};
        if (errFd >= 0) fds[n++] = {errFd, POLLIN, 0};
        int ready = poll(fds, n, waitMs);
        if (ready < 0 && errno != EINTR) break;
        for (nfds_t k = 0; k < n && ready > 0; ++k) {
            if (fds[k].revents == 0) continue;
            if (fds[k].fd == resultFd) {
                size_t before = out.result.size();
                drain(resultFd, out.result);
                if (onResult && out.result.size() > before) onResult(out.result.substr(before));
            } else {
                drain(errFd, out.stderrText);
            }
        }
    }
    if (!reaped) {
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    closeFd(resultFd);
    closeFd(errFd);
    if (timedOut) {
        out.kind = ChildOutcome::Kind::TimedOut;
    } else if (WIFSIGNALED(status)) {
        out.kind = ChildOutcome::Kind::Signaled;
        out.signal = WTERMSIG(status);
    } else if (WIFEXITED(status)) {
        out.kind = ChildOutcome::Kind::Exited;
        out.exitCode = WEXITSTATUS(status);
    } else {
        out.kind = ChildOutcome::Kind::StartFailed;
        out.error = "unexpected wait status " + std::to_string(status);
    }
    return out;
}

int reportChildInternalError(int resultFd, const std::string& message) {
    writeAll(resultFd, std::string(1, kChildInternalTag) + message);
    return kChildInternalExit;
}

}  // namespace lomaw::runtime
