// How an operation of the engine ended, from the runtime up to the `lomaw` CLI and the app: one
// kind and one message, the same type in every layer (runtime::RunOutcome, dist::JobStatus, the
// facade's RunOutput, ...), passed up as it is instead of being translated layer by layer.
//
// Here, once each: which exit code of `lomaw` a kind is (docs/cli.md, "Exit codes"), the text of
// an internal error (an engine bug) and of an exception caught at a layer's boundary, and the
// internal-error diagnostic of the passes. The layer is syntax, the lowest one, so that every
// layer above (and the CLI and the GUI, through the facade) can use it.
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <utility>

#include "syntax/SourceLoc.h"

namespace lomaw {

class DiagnosticSink;

enum class OutcomeKind {
    Ok,
    CompileError,      // the kernel has errors: the diagnostics say which (no message)
    UsageError,        // the request: unknown function, arguments not matching the signature, bad option values
    RuntimeError,      // the generated code failed: a `runtime error:` line, a crash, a non-zero exit
    Diverged,          // a descent reached inf or NaN: the trajectory up to there is kept
    TimedOut,          // --timeout stopped a running job
    Cancelled,         // the caller cancelled a running job
    EnvironmentError,  // the machine: no compiler, a compiler killed by a signal, out of memory, no mpirun
    InternalError,     // an engine bug ("internal error: ..."), generated C that does not compile
};

struct Outcome {
    OutcomeKind kind = OutcomeKind::InternalError;
    std::string message;  // for the user, without the `lomaw: error:` prefix; "" when Ok

    bool ok() const { return kind == OutcomeKind::Ok; }
    // The outcome part of a result that extends it (RunOutput, JobStatus, ...): set from a lower
    // layer's as it is, `result.outcome() = job.outcome();`.
    Outcome& outcome() { return *this; }
    const Outcome& outcome() const { return *this; }
};

Outcome failure(OutcomeKind kind, std::string message);

// A layer's result (RunOutcome, JobStatus, ...) that carries only `outcome`: how a layer returns a
// failure, its own or one passed up from below.
template <class Result>
Result resultWith(Outcome outcome) {
    Result result;
    result.outcome() = std::move(outcome);
    return result;
}

// "internal error: WHAT": an engine bug found at run time (kind InternalError).
Outcome internalError(std::string_view what);

// An exception caught at a layer's boundary. Running out of memory is the machine's limit (a
// huge input, a ulimit), not a bug: EnvironmentError "out of memory". Anything else is an
// internal error: "internal error: [WHERE: ]what()".
Outcome exceptionOutcome(const std::exception& e, std::string_view where = {});

// The same for a pass that reports diagnostics: an error with code `internal` at 1:1,
// "internal compiler error: [WHERE: ]what()" (or "out of memory").
void reportInternalError(DiagnosticSink& diags, const std::exception& e, std::string_view where = {});
// An engine bug a pass found itself: "internal compiler error: [WHERE: ]WHAT" at `loc` (1:1 when
// `loc` is not valid).
void reportInternalError(DiagnosticSink& diags, SourceLoc loc, std::string_view what, std::string_view where = {});

// The exit code of `lomaw` for an outcome (docs/cli.md, "Exit codes"): 0 ok, 1 compile errors,
// 2 usage, 3 the kernel's run (runtime error, divergence, timeout, cancel), 4 the environment or
// an engine bug.
constexpr int exitCode(OutcomeKind kind) {
    switch (kind) {
        case OutcomeKind::Ok: return 0;
        case OutcomeKind::CompileError: return 1;
        case OutcomeKind::UsageError: return 2;
        case OutcomeKind::RuntimeError:
        case OutcomeKind::Diverged:
        case OutcomeKind::TimedOut:
        case OutcomeKind::Cancelled: return 3;
        case OutcomeKind::EnvironmentError:
        case OutcomeKind::InternalError: return 4;
    }
    return 4;
}

// What a caller of the `lomaw` executable (the app) knows from its exit code alone: the first
// kind of each code (3: RuntimeError, 4 and anything unknown: EnvironmentError).
OutcomeKind kindOfExitCode(int code);

}  // namespace lomaw
