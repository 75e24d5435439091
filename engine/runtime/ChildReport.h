// How a child process that ran generated code ended, as the user should read it: the
// `runtime error: ...` line the generated code printed (other stderr text is the kernel's own
// output and is passed through to this process's stderr), a timeout, or a crash signal.
// Shared by `lomaw run` (Runner, BatchRunner) and `lomaw descend` (DescentRunner).
#pragma once

#include <optional>
#include <string>

#include "runtime/ChildCall.h"
#include "syntax/Outcome.h"

namespace lomaw::runtime {

// Writes the child's stderr, except its first `runtime error:` line, to this process's stderr;
// returns that line's message (nullopt when there was none).
std::optional<std::string> passThroughStderr(const ChildOutcome& child);

// A child that did not exit on its own: could not start (EnvironmentError), was stopped by
// `timeoutSeconds` (TimedOut, "timed out after N s") or was killed by a signal (RuntimeError: the
// kernel's run).
std::optional<Outcome> abnormalEnd(const ChildOutcome& child, double timeoutSeconds);

}  // namespace lomaw::runtime
