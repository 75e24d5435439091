#include "runtime/Subprocess.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/ChildGroups.h"

namespace lomaw::runtime {

ProcessResult runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& temporaryPaths,
                         double timeoutSeconds) {
    ProcessResult result;
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        result.launchError = std::string("pipe: ") + std::strerror(errno);
        return result;
    }
    GuardedSpawn spec;
    spec.argv = argv;
    spec.stdoutFd = fds[1];
    spec.stderrFd = fds[1];
    spec.temporaryPaths = temporaryPaths;
    ChildGroup child;
    std::string error;
    bool started = child.start(spec, error);
    close(fds[1]);
    if (!started) {
        close(fds[0]);
        result.launchError = error;
        return result;
    }
    result.launched = true;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(std::min(timeoutSeconds, 1e9));
    char buf[4096];
    for (;;) {
        if (timeoutSeconds > 0) {
            // Wait for output at most until the deadline; a program past it is stopped with its
            // process group (a compiler's cc1, as and ld are in it).
            double left = std::chrono::duration<double>(deadline - std::chrono::steady_clock::now()).count();
            pollfd pfd{fds[0], POLLIN, 0};
            int ready = left > 0 ? poll(&pfd, 1, static_cast<int>(std::min(left * 1000.0 + 1.0, 60000.0))) : 0;
            if (ready < 0 && errno == EINTR) continue;
            if (ready == 0) {
                if (left > 0) continue;
                close(fds[0]);
                child.stop(0.5);
                result.timedOut = true;
                return result;
            }
        }
        ssize_t n = read(fds[0], buf, sizeof buf);
        if (n > 0) {
            result.output.append(buf, static_cast<size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    close(fds[0]);
    int status = child.wait();
    if (WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    return result;
}

}  // namespace lomaw::runtime
