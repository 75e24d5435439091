// Processes started in the background and the process table, for tests that stop a run and
// check that nothing of it is left.
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

namespace lomaw::test {

// Starts argv (argv[0] a path) with `environment` added to ours, stdout and stderr to files;
// in a process group of its own (so a test's Ctrl-C does not reach it). -1 when it cannot start.
pid_t startInBackground(const std::vector<std::string>& argv, const std::vector<std::string>& environment,
                        const std::string& stdoutPath, const std::string& stderrPath);

// Waits up to `seconds` for `pid` to end; true with its wait status when it did.
bool waitForExit(pid_t pid, double seconds, int& status);

// The text of a /proc file, read with plain reads: "" when the process has ended. (Streams throw
// std::ios_base::failure when the process ends between open and read, ESRCH, and a throw in a
// test's watcher thread aborts the whole test binary.)
std::string readProcFile(const std::string& path);

// The command lines (arguments joined by spaces) of live processes, other than this one, whose
// command line contains `marker`. Zombies count as gone.
std::vector<std::string> processesMentioning(const std::string& marker);

// How many live processes (other than this one) run a program whose path starts with `prefix`
// (their command line, not just an argument, starts with it): e.g. MPI programs from a cache.
int processesRunningProgramsFrom(const std::string& prefix);

// Polls until `condition` holds or `seconds` pass; true when it held.
bool eventually(double seconds, bool (*condition)(const void*), const void* context);

}  // namespace lomaw::test
