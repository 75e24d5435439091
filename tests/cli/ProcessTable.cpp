#include "ProcessTable.h"

#include <chrono>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace lomaw::test {

std::string readProcFile(const std::string& path) {
    std::string out;
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return out;
    char buf[4096];
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<size_t>(n));
    close(fd);
    return out;
}

pid_t startInBackground(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                        const std::string& stdoutPath, const std::string& stderrPath) {
    std::vector<std::string> env;
    // The given NAME=VALUE entries replace inherited ones: getenv() returns the first match, so
    // an inherited LOMAW_CACHE_DIR (tools/run-tests.sh sets one) would otherwise win.
    auto overridden = [&](const std::string& entry) {
        std::string name = entry.substr(0, entry.find('=') + 1);
        for (const std::string& e : environment)
            if (e.compare(0, name.size(), name) == 0) return true;
        return false;
    };
    for (char** e = environ; *e; ++e)
        if (!overridden(*e)) env.push_back(*e);
    env.insert(env.end(), environment.begin(), environment.end());
    std::vector<char*> cargv, cenv;
    for (const std::string& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
    cargv.push_back(nullptr);
    for (const std::string& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
    cenv.push_back(nullptr);
    pid_t pid = fork();
    if (pid != 0) return pid;
    setpgid(0, 0);
    int out = open(stdoutPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out >= 0) dup2(out, STDOUT_FILENO);
    if (err >= 0) dup2(err, STDERR_FILENO);
    execve(cargv[0], cargv.data(), cenv.data());
    _exit(127);
}

bool waitForExit(pid_t pid, double seconds, int& status) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        if (waitpid(pid, &status, WNOHANG) == pid) return true;
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
}

std::vector<std::string> processesMentioning(const std::string& marker) {
    std::vector<std::string> found;
    DIR* proc = opendir("/proc");
    if (!proc) return found;
    std::string self = std::to_string(getpid());
    while (dirent* d = readdir(proc)) {
        std::string pid = d->d_name;
        if (pid.find_first_not_of("0123456789") != std::string::npos || pid == self) continue;
        std::string stat = readProcFile("/proc/" + pid + "/stat");
        size_t close = stat.rfind(')');
        if (close == std::string::npos || stat.compare(close, 3, ") Z") == 0) continue;
        std::string text = readProcFile("/proc/" + pid + "/cmdline");
        for (char& c : text)
            if (c == '\0') c = ' ';
        if (text.find(marker) != std::string::npos) found.push_back(pid + ": " + text);
    }
    closedir(proc);
    return found;
}

int processesRunningProgramsFrom(const std::string& prefix) {
    int running = 0;
    for (const std::string& p : processesMentioning(prefix)) running += p.find(": " + prefix) != std::string::npos;
    return running;
}

bool eventually(double seconds, bool (*condition)(const void*), const void* context) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    for (;;) {
        if (condition(context)) return true;
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

}  // namespace lomaw::test
