#include "dist/WorkerCopy.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <poll.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

#include "dist/MpiLauncher.h"
#include "runtime/ChildGroups.h"
#include "runtime/Sha256.h"

namespace lomaw::dist {

namespace {

// Runs on every node as `sh -c SCRIPT lomaw-copy PATH SHA256`. Open MPI 4.1 delivers a
// --preload-files file to the job family's session directory under its full path (also reachable
// through $OMPI_FILE_LOCATION); its documentation says the working directory, tried last. Every
// line it prints starts with "lomaw-copy: NODE: "; an error exits 1.
const char* kCopyScript = R"SH(p="$1"; want="$2"; node=$(uname -n)
fail() { echo "lomaw-copy: $node: $*" >&2; exit 1; }
command -v sha256sum >/dev/null 2>&1 || fail "sha256sum (coreutils) is not installed, so the copy of $p cannot be checked"
sum() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }
if [ -f "$p" ] && [ "$(sum "$p")" = "$want" ]; then echo "lomaw-copy: $node: present"; exit 0; fi
src=
for c in "$OMPI_MCA_orte_jobfam_session_dir$p" "$OMPI_FILE_LOCATION$p" "./${p##*/}"; do
  if [ -f "$c" ]; then src="$c"; break; fi
done
[ -n "$src" ] || fail "mpirun --preload-files delivered no copy of $p"
umask 077
mkdir -p "${p%/*}" || fail "cannot create the directory ${p%/*}"
t="$p.tmp-copy-$node-$$"
cp "$src" "$t" 2>/dev/null && chmod 700 "$t" || { rm -f "$t"; fail "cannot write $t"; }
got=$(sum "$t")
[ "$got" = "$want" ] || { rm -f "$t"; fail "the copy of $p has SHA-256 ${got:-?}, expected $want"; }
h="$p.sha256.tmp-copy-$node-$$"
printf '%s\n' "$want" > "$h" && mv -f "$h" "$p.sha256" && mv -f "$t" "$p" || { rm -f "$t" "$h"; fail "cannot store $p"; }
echo "lomaw-copy: $node: copied"
)SH";

std::string fileSha256(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return "";
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return runtime::sha256Hex(bytes);
}

// Open MPI's own report when the copy job fails without a line of ours: its first few lines.
std::string firstLines(const std::string& text, int count) {
    std::istringstream in(text);
    std::string line, out;
    for (int kept = 0; kept < count && std::getline(in, line);) {
        if (line.empty() || line.find_first_not_of("-* ") == std::string::npos) continue;
        out += "\n  " + line;
        ++kept;
    }
    return out;
}

// Options of mpirun (Open MPI 4.1) the copy job keeps, with the number of words after them.
// Spelled with one dash or two; the list is what reaching the same nodes the same way needs.
int keptOptionValues(const std::string& option) {
    static const std::pair<const char*, int> kKept[] = {
        {"mca", 2},           {"gmca", 2},         {"am", 1},           {"tune", 1},
        {"hostfile", 1},      {"machinefile", 1},  {"default-hostfile", 1},
        {"host", 1},          {"H", 1},            {"add-host", 1},     {"add-hostfile", 1},
        {"oversubscribe", 0}, {"use-hwthread-cpus", 0},
        {"prefix", 1},        {"noprefix", 0},     {"launch-agent", 1}, {"tmpdir", 1},
    };
    size_t start = option.find_first_not_of('-');
    if (start == std::string::npos) return -1;
    std::string name = option.substr(start);
    for (const auto& [kept, values] : kKept)
        if (name == kept) return values;
    return -1;
}

// MCA parameters that set what the copy job sets itself (--map-by is rmaps_base_mapping_policy).
bool placementParameter(const std::string& name) {
    return name.rfind("rmaps_base_", 0) == 0 || name.rfind("rmaps_ppr_", 0) == 0 || name == "hwloc_base_binding_policy";
}

}  // namespace

std::vector<std::string> copyJobArgs(const std::vector<std::string>& jobArgs) {
    std::vector<std::string> out;
    for (size_t i = 0; i < jobArgs.size();) {
        const std::string& word = jobArgs[i];
        int values = word.size() > 1 && word[0] == '-' ? keptOptionValues(word) : -1;
        if (values < 0) {
            // Dropped, with its values: the words up to the next option. (--mpirun-args holds
            // options only; the programs come after them.)
            for (++i; i < jobArgs.size() && (jobArgs[i].empty() || jobArgs[i][0] != '-'); ++i) {
            }
            continue;
        }
        size_t end = std::min(jobArgs.size(), i + 1 + static_cast<size_t>(values));
        bool mca = values == 2 && end == i + 3;
        if (!(mca && placementParameter(jobArgs[i + 1]))) out.insert(out.end(), jobArgs.begin() + i, jobArgs.begin() + end);
        i = end;
    }
    return out;
}

std::vector<std::string> workerCopyCommand(const WorkerCopySpec& spec, const std::string& sha256) {
    std::vector<std::string> argv{spec.mpirun};
    if (!spec.hostfile.empty()) argv.insert(argv.end(), {"--hostfile", spec.hostfile});
    std::vector<std::string> extra = copyJobArgs(spec.extraArgs);
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.insert(argv.end(), {"--map-by", "ppr:1:node", "--preload-files", spec.executable, "/bin/sh", "-c",
                             kCopyScript, "lomaw-copy", spec.executable, sha256});
    return argv;
}

WorkerCopyOutcome copyWorkerToNodes(const WorkerCopySpec& spec) {
    WorkerCopyOutcome out;
    std::string sha = fileSha256(spec.executable);
    if (sha.empty()) {
        out.message = "cannot read " + spec.executable + " to copy it to the nodes: " + std::strerror(errno);
        return out;
    }
    int pipeFds[2];
    if (pipe2(pipeFds, O_CLOEXEC) != 0) {
        out.message = std::string("pipe: ") + std::strerror(errno);
        return out;
    }
    std::vector<std::string> env = mpirunEnvironment();
    runtime::GuardedSpawn guarded;
    guarded.argv = workerCopyCommand(spec, sha);
    guarded.environment = &env;
    guarded.stdoutFd = pipeFds[1];  // the script's lines and Open MPI's, in one stream
    guarded.stderrFd = pipeFds[1];
    runtime::ChildGroup job;  // stopped with lomaw like the job itself (runtime/ChildGroups.h)
    std::string startError;
    bool started = job.start(guarded, startError);
    close(pipeFds[1]);
    if (!started) {
        close(pipeFds[0]);
        out.message = "cannot start " + startError;
        return out;
    }
    auto start = std::chrono::steady_clock::now();
    double limit = spec.timeoutSeconds > 0 ? spec.timeoutSeconds : 120;
    std::string text;
    bool timedOut = false;
    for (;;) {
        if (spec.cancel && spec.cancel->load()) {
            out.cancelled = true;
            break;
        }
        if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > limit) {
            timedOut = true;
            break;
        }
        pollfd fd{pipeFds[0], POLLIN, 0};
        if (poll(&fd, 1, 50) <= 0) continue;
        char buf[4096];
        ssize_t n = read(pipeFds[0], buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        text.append(buf, static_cast<size_t>(n));
    }
    close(pipeFds[0]);
    int status = 0;
    if (out.cancelled || timedOut) {
        job.stop(1.0);  // mpirun stops its processes on SIGTERM
        out.message = out.cancelled ? "the MPI job was cancelled"
                                    : "copying " + spec.executable + " to the nodes timed out after " +
                                          std::to_string(static_cast<int>(limit)) + " s";
        return out;
    }
    status = job.wait();
    std::istringstream lines(text);
    std::string firstError;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("lomaw-copy: ", 0) != 0) continue;
        std::string rest = line.substr(12);
        size_t colon = rest.find(": ");
        if (colon == std::string::npos) continue;
        std::string node = rest.substr(0, colon), what = rest.substr(colon + 2);
        if (what == "copied") {
            out.copiedTo.push_back(node);
        } else if (what != "present" && firstError.empty()) {
            firstError = "cannot copy " + spec.executable + " to node " + node + ": " + what;
        }
    }
    if (!firstError.empty()) {
        out.message = firstError;
        return out;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        out.message = "copying " + spec.executable + " to the nodes failed (mpirun --preload-files, status " +
                      std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)) + ")" +
                      firstLines(text, 8);
        return out;
    }
    out.ok = true;
    return out;
}

}  // namespace lomaw::dist
