#include "CliSupport.h"

#include <iostream>

#include "InputFiles.h"

namespace lomaw::cli {

std::optional<SourceFile> readSourceFile(const std::string& path) {
    SourceFile file{path, ""};
    if (std::string e = readLimitedFile(path, kMaxSourceBytes, "a kernel source", file.text); !e.empty()) {
        printUsageError(e);
        return std::nullopt;
    }
    return file;
}

int reportOutcome(const Outcome& outcome) {
    switch (outcome.kind) {
        case OutcomeKind::Ok:
        case OutcomeKind::CompileError: break;
        case OutcomeKind::RuntimeError:
        case OutcomeKind::TimedOut:
        case OutcomeKind::Cancelled: std::cerr << "lomaw: runtime error: " << outcome.message << '\n'; break;
        case OutcomeKind::Diverged: std::cerr << "lomaw: " << outcome.message << '\n'; break;
        case OutcomeKind::UsageError:
        case OutcomeKind::EnvironmentError:
        case OutcomeKind::InternalError: printUsageError(outcome.message); break;
    }
    return exitCode(outcome.kind);
}

void printUsageError(const std::string& message) {
    std::cerr << "lomaw: error: " << message << '\n';
}

void printDiagnostics(const std::vector<Diagnostic>& diags, const SourceFile& file, bool toStdout) {
    std::string text = formatDiagnostics(diags, file.path, file.text);
    (toStdout ? std::cout : std::cerr) << text << std::flush;
}

bool hasErrors(const std::vector<Diagnostic>& diags) {
    for (const Diagnostic& d : diags)
        if (d.severity == Severity::Error) return true;
    return false;
}

Engine makeEngine(const CommonOptions& common) {
    EngineOptions options;
    options.compiler = common.compiler;
    options.cacheDir = common.cacheDir;
    return Engine(options);
}

}  // namespace lomaw::cli
