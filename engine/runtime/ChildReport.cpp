#include "runtime/ChildReport.h"

#include <cstring>
#include <iostream>
#include <sstream>

namespace lomaw::runtime {

std::optional<std::string> passThroughStderr(const ChildOutcome& child) {
    std::optional<std::string> runtimeMessage;
    std::string passThrough;
    std::istringstream lines(child.stderrText);
    std::string line;
    static const std::string kPrefix = "runtime error: ";
    while (std::getline(lines, line)) {
        if (!runtimeMessage && line.rfind(kPrefix, 0) == 0) {
            runtimeMessage = line.substr(kPrefix.size());
        } else {
            passThrough += line + "\n";
        }
    }
    if (!passThrough.empty()) std::cerr << passThrough << std::flush;
    return runtimeMessage;
}

std::optional<Outcome> abnormalEnd(const ChildOutcome& child, double timeoutSeconds) {
    switch (child.kind) {
        case ChildOutcome::Kind::StartFailed:  // fork or pipe failed: out of processes or descriptors
            return failure(OutcomeKind::EnvironmentError, "cannot start the call: " + child.error);
        case ChildOutcome::Kind::TimedOut: {
            std::ostringstream s;
            s << "timed out after " << timeoutSeconds << " s";
            return failure(OutcomeKind::TimedOut, s.str());
        }
        case ChildOutcome::Kind::Signaled:
            return failure(OutcomeKind::RuntimeError, "the kernel crashed: signal " + std::to_string(child.signal) +
                                                          " (" + strsignal(child.signal) + ")");
        case ChildOutcome::Kind::Exited: break;
    }
    return std::nullopt;
}

}  // namespace lomaw::runtime
