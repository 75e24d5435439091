#include "dist/MpiLauncher.h"

#include <cerrno>
#include <cstdio>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <optional>
#include <poll.h>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include "runtime/ChildGroups.h"

extern char** environ;

namespace lomaw::dist {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

// Environment for mpirun: ours, plus what Open MPI needs to run as root, plus yielding when
// idle. Processes waiting in a collective otherwise spin: the workers between optimisation
// steps, while the driver (which needs a core to update and record the step) waits for one —
// on 2 shared cores a step then took ~3 ms instead of ~0.5 ms. A value the user set (in the
// environment, or --mca on the command line, which wins) is kept.
std::vector<std::string> mpirunEnvironment() {
    std::vector<std::string> env;
    bool haveRoot = false, haveConfirm = false, haveYield = false;
    for (char** e = environ; *e; ++e) {
        std::string s = *e;
        haveRoot = haveRoot || s.rfind("OMPI_ALLOW_RUN_AS_ROOT=", 0) == 0;
        haveConfirm = haveConfirm || s.rfind("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=", 0) == 0;
        haveYield = haveYield || s.rfind("OMPI_MCA_mpi_yield_when_idle=", 0) == 0;
        env.push_back(s);
    }
    if (geteuid() == 0) {
        if (!haveRoot) env.push_back("OMPI_ALLOW_RUN_AS_ROOT=1");
        if (!haveConfirm) env.push_back("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1");
    }
    if (!haveYield) env.push_back("OMPI_MCA_mpi_yield_when_idle=1");
    return env;
}

namespace {

// Parent pid of every process, from /proc.
std::map<pid_t, pid_t> parentTable() {
    std::map<pid_t, pid_t> parents;
    DIR* proc = opendir("/proc");
    if (!proc) return parents;
    while (dirent* d = readdir(proc)) {
        pid_t pid = static_cast<pid_t>(atoi(d->d_name));
        if (pid <= 0) continue;
        FILE* f = fopen(("/proc/" + std::string(d->d_name) + "/stat").c_str(), "r");
        if (!f) continue;
        char buf[512];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = 0;
        // pid (comm) state ppid ...: comm may contain spaces, so start after the last ')'.
        const char* close = strrchr(buf, ')');
        if (!close) continue;
        char state;
        int ppid;
        if (sscanf(close + 1, " %c %d", &state, &ppid) == 2) parents[pid] = ppid;
    }
    closedir(proc);
    return parents;
}

std::set<pid_t> descendants(pid_t root) {
    std::map<pid_t, pid_t> parents = parentTable();
    std::set<pid_t> out;
    bool grew = true;
    while (grew) {
        grew = false;
        for (auto [pid, ppid] : parents)
            if ((ppid == root || out.count(ppid)) && out.insert(pid).second) grew = true;
    }
    return out;
}

// Stops mpirun (under its guardian), its process group and every process it started (mpirun
// puts its children in groups of their own), then reaps it. mpirun gets SIGTERM and a grace
// period first: it then stops its processes itself and removes what the job had on this machine
// -- its session directory and the shared-memory segments the processes registered for cleanup
// (/dev/shm/vader_segment.*), which a SIGKILL leaves behind. It needs ~1.5 s on an idle machine.
void killJob(runtime::ChildGroup& job) {
    constexpr double kMpirunCleanupSeconds = 3.0;
    std::set<pid_t> tree = descendants(job.pid());
    job.stop(kMpirunCleanupSeconds);
    for (pid_t p : tree) kill(p, SIGKILL);
}

// `env` with TMPDIR set to `dir` (replacing any other value: the first entry is the one read).
void setTemporaryDirectory(std::vector<std::string>& env, const std::string& dir) {
    std::erase_if(env, [](const std::string& e) { return e.rfind("TMPDIR=", 0) == 0; });
    env.push_back("TMPDIR=" + dir);
}

// `env` with the shared-memory segments placed in `dir`, unless the user chose a place already.
void setSharedMemoryDirectory(std::vector<std::string>& env, const std::string& dir) {
    const std::string name = "OMPI_MCA_btl_vader_backing_directory=";
    for (const std::string& e : env)
        if (e.rfind(name, 0) == 0) return;
    env.push_back(name + dir);
}

struct LineReader {
    int fd = -1;
    std::string pending;
    std::string all;

    // Reads what is there; calls onLine for complete lines. False at end of file.
    template <class F>
    bool pump(F&& onLine) {
        char buf[8192];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
        if (n <= 0) {
            if (!pending.empty()) onLine(pending);
            pending.clear();
            close(fd);
            fd = -1;
            return false;
        }
        pending.append(buf, static_cast<size_t>(n));
        all.append(buf, static_cast<size_t>(n));
        size_t nl;
        while ((nl = pending.find('\n')) != std::string::npos) {
            onLine(pending.substr(0, nl));
            pending.erase(0, nl + 1);
        }
        return true;
    }
};

// The first line of Open MPI's report of a signal in an MPI process, before "Signal: NAME (N)".
constexpr const char* kOpenMpiCrashReport = "*** Process received signal ***";

std::string signalName(int sig) {
    const char* s = strsignal(sig);
    return s ? s : "unknown signal";
}

}  // namespace

// The failure message from what the job wrote on stderr (our lines first, then Open MPI's).
LaunchOutcome explainFailure(const std::string& stderrText, int exitCode) {
    LaunchOutcome out;
    out.kind = OutcomeKind::RuntimeError;  // the job failed while running, whatever the cause named below
    std::istringstream lines(stderrText);
    std::string line, runtimeError, workerLine, driverLine, mpiLine;
    while (std::getline(lines, line)) {
        if (runtimeError.empty() && line.rfind("runtime error: ", 0) == 0) runtimeError = line.substr(15);
        if (workerLine.empty() && line.rfind("lomaw-mpi: rank ", 0) == 0) workerLine = line.substr(11);
        if (driverLine.empty() && line.rfind("lomaw-mpi: driver: ", 0) == 0) driverLine = line.substr(19);
        if (mpiLine.empty() && line.find("exited on signal") != std::string::npos) mpiLine = line;
    }
    if (!workerLine.empty()) {
        // "rank R: input set I: signal N", "rank R: step I: exit status S", or between sets "rank R: signal N"
        size_t sig = workerLine.find(": signal ");
        std::string where = workerLine.substr(0, workerLine.rfind(": "));
        if (sig != std::string::npos) {
            int n = atoi(workerLine.c_str() + sig + 9);
            out.message = "worker " + where + ": crashed with signal " + std::to_string(n) + " (" + signalName(n) + ")";
        } else if (!runtimeError.empty()) {
            out.message = "worker " + where + ": " + runtimeError;
        } else {
            out.message = "worker " + workerLine;
        }
        return out;
    }
    if (!driverLine.empty()) {
        out.message = "MPI driver: " + driverLine;
        return out;
    }
    // Open MPI: "could not access or execute an executable: / Executable: P / Node: N".
    size_t exe = stderrText.find("Executable: "), node = stderrText.find("Node: ");
    if (stderrText.find("could not access") != std::string::npos && exe != std::string::npos &&
        node != std::string::npos) {
        auto value = [&stderrText](size_t at) {
            size_t end = stderrText.find('\n', at);
            return stderrText.substr(at, end == std::string::npos ? std::string::npos : end - at);
        };
        out.kind = OutcomeKind::EnvironmentError;
        out.hostCannotRunProgram = true;
        std::string program = value(exe + 12);
        out.message = "node " + value(node + 6) + " cannot run " + program +
                      " (the build cache is not on a filesystem that node sees: use a --cache-dir every node "
                      "shares, or --preload auto or yes to copy the program to the nodes)";
        return out;
    }
    // Open MPI's own crash report ("Signal: Aborted (6)"): a process hit by a signal before our
    // handlers were installed, that is while MPI_Init was still starting it.
    size_t reported = stderrText.find(kOpenMpiCrashReport);
    size_t signalLine = reported == std::string::npos ? reported : stderrText.find("Signal: ", reported);
    if (mpiLine.empty() && signalLine != std::string::npos) {
        size_t open = stderrText.find('(', signalLine), close = stderrText.find(')', open == std::string::npos ? signalLine : open);
        int n = open != std::string::npos && close != std::string::npos ? atoi(stderrText.c_str() + open + 1) : 0;
        if (n > 0) {
            out.message = "an MPI process of the job died with signal " + std::to_string(n) + " (" + signalName(n) +
                          ") while starting";
            return out;
        }
    }
    if (!mpiLine.empty()) {
        // A process that died outside the kernel (killed, or a crash no handler of ours saw).
        // Open MPI names the rank within its own job: in spawn mode the driver and the workers
        // are separate jobs, so "rank 0" alone does not say which program died; quote it whole.
        out.message = "an MPI process of the job died: " + mpiLine;
        return out;
    }
    // Open MPI's own report: its first few non-decoration lines.
    std::string summary;
    std::istringstream again(stderrText);
    int kept = 0;
    while (std::getline(again, line) && kept < 8) {
        if (line.empty() || line.find_first_not_of("-* ") == std::string::npos) continue;
        summary += "\n  " + line;
        ++kept;
    }
    // 128 + N: mpirun passes on the status of a process killed by signal N.
    std::string bySignal = exitCode > 128 && exitCode < 128 + 65
                               ? " (a process killed by signal " + std::to_string(exitCode - 128) + ", " +
                                     signalName(exitCode - 128) + ")"
                               : "";
    out.message = "mpirun failed with status " + std::to_string(exitCode) + bySignal + (summary.empty() ? "" : ":" + summary);
    return out;
}

namespace {

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');)
        if (!item.empty()) items.push_back(item);
    return items;
}

std::string joinList(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ",") + item;
    return out;
}

}  // namespace

// Open MPI 4 connects processes of different jobs -- the driver and the workers it spawns --
// only over a network BTL: the shared-memory BTL (vader) reaches processes of its own job only.
// A user's `--mca btl self,vader` (or `^tcp`) therefore leaves the driver unable to reach its
// spawned workers: MPI_Comm_spawn fails with MPI_ERR_INTERN or the driver crashes. So in spawn
// mode tcp is added to an include list and taken out of an exclude list; the workers of one
// job still talk shared memory where the list allows it.
std::vector<std::string> spawnCompatibleArgs(const std::vector<std::string>& args) {
    std::vector<std::string> out;
    for (size_t i = 0; i < args.size(); ++i) {
        bool mca = args[i] == "--mca" || args[i] == "-mca" || args[i] == "--gmca" || args[i] == "-gmca";
        if (!mca || i + 2 >= args.size() || args[i + 1] != "btl") {
            out.push_back(args[i]);
            continue;
        }
        std::string value = args[i + 2];
        if (!value.empty() && value[0] == '^') {
            std::vector<std::string> excluded = splitList(value.substr(1)), kept;
            for (const std::string& b : excluded)
                if (b != "tcp") kept.push_back(b);
            if (!kept.empty()) out.insert(out.end(), {args[i], args[i + 1], "^" + joinList(kept)});
        } else {
            std::vector<std::string> included = splitList(value);
            bool hasTcp = false;
            for (const std::string& b : included) hasTcp = hasTcp || b == "tcp";
            if (!hasTcp) included.push_back("tcp");
            out.insert(out.end(), {args[i], args[i + 1], joinList(included)});
        }
        i += 2;
    }
    return out;
}

std::vector<std::string> mpirunCommand(const LaunchSpec& spec) {
    std::vector<std::string> argv{spec.mpirun};
    if (!spec.hostfile.empty()) {
        // Written by launchHostfile: this machine first, so the driver (rank 0 of the first
        // program) is placed here, beside the job files, in a slot of its own.
        argv.insert(argv.end(), {"--hostfile", spec.hostfile});
    } else if (!insideAllocation()) {
        argv.push_back("--oversubscribe");  // one machine: more workers than cores is allowed
    }  // else: Open MPI takes hosts and slots from the Slurm / PBS / LSF allocation
    // The OpenMP thread count of pragma loops (lomaw --omp-threads) reaches workers on other
    // hosts only when forwarded; on this host they inherit it anyway.
    if (std::getenv("OMP_NUM_THREADS")) argv.insert(argv.end(), {"-x", "OMP_NUM_THREADS"});
    std::vector<std::string> extra = spec.mode == LaunchMode::Spawn ? spawnCompatibleArgs(spec.extraArgs) : spec.extraArgs;
    argv.insert(argv.end(), extra.begin(), extra.end());
    std::string mode = spec.mode == LaunchMode::Spawn ? "spawn" : "spmd";
    argv.insert(argv.end(), {"-np", "1", spec.driver, mode, spec.worker, std::to_string(spec.workers), spec.inputPath,
                             spec.outputPath});
    argv.insert(argv.end(), spec.driverArgs.begin(), spec.driverArgs.end());
    if (spec.mode == LaunchMode::Spmd) {
        argv.insert(argv.end(), {":", "-np", std::to_string(spec.workers), spec.worker});
    }
    return argv;
}

LaunchOutcome launchJob(const LaunchSpec& spec) {
    LaunchOutcome out;
    out.kind = OutcomeKind::EnvironmentError;  // until mpirun has started
    std::vector<std::string> argv = mpirunCommand(spec);
    std::vector<std::string> env = mpirunEnvironment();
    if (!spec.sessionDirectoryBase.empty()) setTemporaryDirectory(env, spec.sessionDirectoryBase);
    if (!spec.sharedMemoryDirectory.empty()) setSharedMemoryDirectory(env, spec.sharedMemoryDirectory);
    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0) {
        out.message = std::string("pipe: ") + std::strerror(errno);
        return out;
    }
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        close(outPipe[0]);
        close(outPipe[1]);
        out.message = std::string("pipe: ") + std::strerror(errno);
        return out;
    }
    runtime::GuardedSpawn guarded;
    guarded.argv = argv;
    guarded.environment = &env;
    guarded.stdoutFd = outPipe[1];
    guarded.stderrFd = errPipe[1];
    guarded.temporaryPaths = spec.temporaryPaths;
    // Its own process group under a guardian: stopping the job (a timeout, a cancel, a signal to
    // lomaw, lomaw's death) reaches everything it started (runtime/ChildGroups.h).
    runtime::ChildGroup job;
    std::string startError;
    Clock::time_point start = Clock::now();
    bool started = job.start(guarded, startError);
    close(outPipe[1]);
    close(errPipe[1]);
    if (!started) {
        close(outPipe[0]);
        close(errPipe[0]);
        out.message = "cannot start " + startError;
        return out;
    }

    LineReader stdoutReader{outPipe[0], {}, {}}, stderrReader{errPipe[0], {}, {}};
    std::string passThrough;
    auto onStdout = [&](const std::string& line) {
        std::istringstream in(line);
        std::string tag, what;
        in >> tag >> what;
        if (tag != "LWMPI") {
            passThrough += line + "\n";
        } else if (what == "ready") {
            out.timings.launch = secondsSince(start);
        } else if (what == "progress") {
            long long done = 0, total = 0;
            in >> done >> total;
            if (spec.onProgress) spec.onProgress(done, total);
        } else if (what == "timing") {
            in >> out.timings.distribute >> out.timings.compute >> out.timings.collect;
        } else if (what == "rank") {
            RankTiming r;
            if (in >> r.rank >> r.compute >> r.items >> r.host) out.timings.ranks.push_back(r);
        }
    };
    // Open MPI's own crash report means a process died before lomaw's handlers were installed,
    // that is inside MPI_Init. A spawned worker that dies there can leave the driver's
    // MPI_Comm_spawn, and so mpirun, waiting for ever (until --timeout): a job that has not ended
    // kStartCrashGraceSeconds after the report is stopped, and the report explains it.
    constexpr double kStartCrashGraceSeconds = 2.0;
    std::optional<Clock::time_point> crashReported;
    auto onStderr = [&](const std::string& line) {
        if (!crashReported && line.find(kOpenMpiCrashReport) != std::string::npos) crashReported = Clock::now();
    };
    bool timedOut = false, cancelled = false, crashedAtStart = false;
    while (stdoutReader.fd >= 0 || stderrReader.fd >= 0) {
        if (spec.timeoutSeconds > 0 && secondsSince(start) > spec.timeoutSeconds) {
            timedOut = true;
            break;
        }
        if (crashReported && secondsSince(*crashReported) > kStartCrashGraceSeconds) {
            crashedAtStart = true;
            break;
        }
        if (spec.cancel && spec.cancel->load()) {
            cancelled = true;
            break;
        }
        pollfd fds[2];
        nfds_t n = 0;
        if (stdoutReader.fd >= 0) fds[n++] = {stdoutReader.fd, POLLIN, 0};
        if (stderrReader.fd >= 0) fds[n++] = {stderrReader.fd, POLLIN, 0};
        int ready = poll(fds, n, 50);
        if (ready <= 0) continue;
        for (nfds_t k = 0; k < n; ++k) {
            if (fds[k].revents == 0) continue;
            if (fds[k].fd == stdoutReader.fd) {
                stdoutReader.pump(onStdout);
            } else {
                stderrReader.pump(onStderr);
            }
        }
    }
    int status = 0;
    if (timedOut || cancelled || crashedAtStart) {
        killJob(job);
    } else {
        status = job.wait();
    }
    if (stdoutReader.fd >= 0) close(stdoutReader.fd);
    if (stderrReader.fd >= 0) close(stderrReader.fd);
    out.timings.total = secondsSince(start);
    // What the programs printed that is not ours (a kernel has no output; Open MPI notices).
    if (!passThrough.empty()) fputs(passThrough.c_str(), stderr);
    if (timedOut) {
        out.kind = OutcomeKind::TimedOut;
        std::ostringstream msg;
        msg << "the MPI job timed out after " << spec.timeoutSeconds << " s and was stopped";
        out.message = msg.str();
        return out;
    }
    if (cancelled) {
        out.kind = OutcomeKind::Cancelled;
        out.message = "the MPI job was cancelled";
        return out;
    }
    if (crashedAtStart) {
        LaunchOutcome failed = explainFailure(stderrReader.all, 128 + SIGKILL);  // the status of the stopped job
        failed.timings = out.timings;
        return failed;
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        out.kind = OutcomeKind::Ok;
        return out;
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    LaunchOutcome failed = explainFailure(stderrReader.all, code);
    failed.timings = out.timings;
    return failed;
}

}  // namespace lomaw::dist
