// Shared pieces of the lomaw subcommands: exit codes, reading files, printing diagnostics.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "Engine.h"

namespace lomaw::cli {

// Exit codes of docs/language.md §10, plus 4 for a broken environment (no C compiler, a build of
// generated code that failed) or an engine bug: neither is the user's kernel's fault. Named
// here for the commands' own checks; the table itself is exitCode() of syntax/Outcome.h.
inline constexpr int kSuccess = exitCode(OutcomeKind::Ok);
inline constexpr int kCompileError = exitCode(OutcomeKind::CompileError);
inline constexpr int kUsageError = exitCode(OutcomeKind::UsageError);
inline constexpr int kRuntimeError = exitCode(OutcomeKind::RuntimeError);
inline constexpr int kEnvironmentError = exitCode(OutcomeKind::EnvironmentError);

// Prints an outcome's message the way every command does -- `lomaw: error: M` (usage,
// environment, internal), `lomaw: runtime error: M` (runtime error, timeout, cancel),
// `lomaw: M` (a divergence), nothing for Ok and CompileError (the diagnostics say it) -- and
// returns its exit code.
int reportOutcome(const Outcome& outcome);

// Options every subcommand shares.
struct CommonOptions {
    std::string compiler;  // --cc
    std::string cacheDir;  // --cache-dir
};

// Reads FILE (a regular file of at most 4 MiB, InputFiles.h); on failure prints
// `lomaw: error: cannot read FILE: reason` and returns nullopt.
std::optional<SourceFile> readSourceFile(const std::string& path);

// Prints `lomaw: error: MESSAGE` on stderr.
void printUsageError(const std::string& message);

// Prints diagnostics in the FILE:LINE:COL format with source line and caret.
void printDiagnostics(const std::vector<Diagnostic>& diags, const SourceFile& file, bool toStdout);

bool hasErrors(const std::vector<Diagnostic>& diags);

Engine makeEngine(const CommonOptions& common);

}  // namespace lomaw::cli
