// The one outcome type of every layer (syntax/Outcome.h): the exit code of each kind as
// docs/cli.md "Exit codes" documents it, the reading back of an exit code (the app), and the one
// text of an internal error, as an outcome and as a diagnostic.
#include <new>
#include <stdexcept>
#include <gtest/gtest.h>

#include "syntax/Diagnostics.h"
#include "syntax/Outcome.h"

namespace lomaw {
namespace {

TEST(Outcome, ExitCodeOfEveryKindIsTheDocumentedOne) {
    EXPECT_EQ(exitCode(OutcomeKind::Ok), 0);
    EXPECT_EQ(exitCode(OutcomeKind::CompileError), 1);
    EXPECT_EQ(exitCode(OutcomeKind::UsageError), 2);
    // 3: the kernel's run went wrong -- whatever stopped it.
    EXPECT_EQ(exitCode(OutcomeKind::RuntimeError), 3);
    EXPECT_EQ(exitCode(OutcomeKind::Diverged), 3);
    EXPECT_EQ(exitCode(OutcomeKind::TimedOut), 3);
    EXPECT_EQ(exitCode(OutcomeKind::Cancelled), 3);
    // 4: not the kernel's fault.
    EXPECT_EQ(exitCode(OutcomeKind::EnvironmentError), 4);
    EXPECT_EQ(exitCode(OutcomeKind::InternalError), 4);
}

TEST(Outcome, ExitCodeReadBackGivesTheFirstKindOfEachCode) {
    EXPECT_EQ(kindOfExitCode(0), OutcomeKind::Ok);
    EXPECT_EQ(kindOfExitCode(1), OutcomeKind::CompileError);
    EXPECT_EQ(kindOfExitCode(2), OutcomeKind::UsageError);
    EXPECT_EQ(kindOfExitCode(3), OutcomeKind::RuntimeError);
    EXPECT_EQ(kindOfExitCode(4), OutcomeKind::EnvironmentError);
    // Anything lomaw never exits with (a shell's 127, a signal's 128+N) is not the kernel's fault.
    EXPECT_EQ(kindOfExitCode(127), OutcomeKind::EnvironmentError);
    EXPECT_EQ(kindOfExitCode(-1), OutcomeKind::EnvironmentError);
    for (int code = 0; code <= 4; ++code) EXPECT_EQ(exitCode(kindOfExitCode(code)), code);
}

TEST(Outcome, InternalErrorText) {
    Outcome o = internalError("the call ended without a result");
    EXPECT_EQ(o.kind, OutcomeKind::InternalError);
    EXPECT_EQ(o.message, "internal error: the call ended without a result");
    EXPECT_FALSE(o.ok());
    EXPECT_TRUE(failure(OutcomeKind::Ok, "").ok());
}

TEST(Outcome, CaughtExceptionIsAnInternalErrorOrOutOfMemory) {
    Outcome bug = exceptionOutcome(std::logic_error("no layout for struct P"));
    EXPECT_EQ(bug.kind, OutcomeKind::InternalError);
    EXPECT_EQ(bug.message, "internal error: no layout for struct P");
    Outcome where = exceptionOutcome(std::logic_error("no layout for struct P"), "descend");
    EXPECT_EQ(where.message, "internal error: descend: no layout for struct P");
    // The machine's limit, not a bug: said as such, never "internal error: std::bad_alloc".
    Outcome memory = exceptionOutcome(std::bad_alloc(), "descend");
    EXPECT_EQ(memory.kind, OutcomeKind::EnvironmentError);
    EXPECT_EQ(memory.message, "out of memory");
    EXPECT_EQ(exitCode(memory.kind), 4);
}

TEST(Outcome, InternalErrorDiagnostic) {
    DiagnosticSink diags;
    reportInternalError(diags, std::runtime_error("cyclic declarations"), "differentiation");
    reportInternalError(diags, std::runtime_error("unexpected node"));
    reportInternalError(diags, std::bad_alloc());
    reportInternalError(diags, SourceLoc{3, 5}, "no derivative rule for 'f'", "differentiation");
    reportInternalError(diags, SourceLoc{}, "unknown failure in the type checker");
    const std::vector<Diagnostic>& d = diags.raw();
    ASSERT_EQ(d.size(), 5u);
    for (const Diagnostic& one : d) {
        EXPECT_EQ(one.severity, Severity::Error);
        EXPECT_EQ(one.code, "internal");
    }
    EXPECT_EQ(d[0].message, "internal compiler error: differentiation: cyclic declarations");
    EXPECT_EQ(d[0].loc, (SourceLoc{1, 1}));
    EXPECT_EQ(d[1].message, "internal compiler error: unexpected node");
    EXPECT_EQ(d[2].message, "out of memory");
    EXPECT_EQ(d[3].message, "internal compiler error: differentiation: no derivative rule for 'f'");
    EXPECT_EQ(d[3].loc, (SourceLoc{3, 5}));
    EXPECT_EQ(d[4].message, "internal compiler error: unknown failure in the type checker");
    EXPECT_EQ(d[4].loc, (SourceLoc{1, 1}));  // no position: the start of the file
}

}  // namespace
}  // namespace lomaw
