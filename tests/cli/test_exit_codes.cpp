// Every exit code of `lomaw` (docs/language.md §10, plus 4 for a broken environment), the stream
// each output goes to, and the exact messages of the common usage errors.
#include <algorithm>

#include <gtest/gtest.h>

#include "Process.h"
#include "TempKernel.h"

namespace lomaw::test {
namespace {

const char* kMul =
    "def f(x : In[float], y : In[float]) -> float:\n"
    "    return x * y\n"
    "\n"
    "def idiv(a : In[int], b : In[int]) -> int:\n"
    "    return a / b\n"
    "\n"
    "@simd\n"
    "def fill(v : In[float], y : Out[Array[float]]):\n"
    "    y[thread_id()] = v\n";

TEST(ExitCodes, CheckOkIsZeroAndPrintsNothing) {
    TempKernel k(kMul);
    ProcessResult r = lomaw({"check", k.path()});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "");
}

TEST(ExitCodes, CheckWithErrorsIsOneAndPrintsDiagnosticsOnStdout) {
    TempKernel k("def f(x : In[float]) -> float:\n    return y\n");
    ProcessResult r = lomaw({"check", k.path()});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.rfind(k.path() + ":2:12: error: ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("[undeclared-variable]"), std::string::npos) << r.out;
    // The offending line and a caret under column 12.
    EXPECT_NE(r.out.find("    return y\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\n" + std::string(4 + 11, ' ') + "^\n"), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "");
}

TEST(ExitCodes, EmitWithErrorsWritesNothingOnStdout) {
    TempKernel k("def f(x : In[float]) -> float:\n    return y\n");
    ProcessResult r = lomaw({"emit", k.path(), "--stage", "c"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("[undeclared-variable]"), std::string::npos);
}

TEST(ExitCodes, UnreadableFileIsTwo) {
    ProcessResult r = lomaw({"check", "/nonexistent/kernel.py"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: cannot read /nonexistent/kernel.py: No such file or directory\n");
}

TEST(ExitCodes, UnknownStageIsTwo) {
    TempKernel k(kMul);
    ProcessResult r = lomaw({"emit", k.path(), "--stage", "llvm"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err.rfind("lomaw: error: ", 0), 0u) << r.err;
}

TEST(ExitCodes, MissingSubcommandAndUnknownOptionAreTwo) {
    EXPECT_EQ(lomaw({}).exitCode, 2);
    EXPECT_EQ(lomaw({"check", "--frobnicate", "x.py"}).exitCode, 2);
}

TEST(ExitCodes, HelpIsZero) {
    ProcessResult r = lomaw({"--help"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("run"), std::string::npos);
}

TEST(ExitCodes, RunPrintsOneJsonLine) {
    TempKernel k(kMul);
    ProcessResult r = lomaw({"run", k.path(), "f", "--args", "[2.0, 3.5]"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out, "{\"return\": 7, \"args\": [2, 3.5]}\n");
}

TEST(ExitCodes, UnknownFunctionIsTwo) {
    TempKernel k(kMul);
    ProcessResult r = lomaw({"run", k.path(), "g", "--args", "[]"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err.rfind("lomaw: error: ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find("'g'"), std::string::npos) << r.err;
    // The module's functions, and apart from them the built-in make__dfloat (which can be run).
    r = lomaw({"run", k.path(), "nope"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: unknown function 'nope' (the module defines: f, idiv, fill; built in: make__dfloat)\n");
    // The arithmetic helpers of nested fwd_diff are static in C: neither callable nor listed.
    TempKernel nested("def f(x : In[float]) -> float:\n    return x * x\nd_f = fwd_diff(f)\ndd_f = fwd_diff(d_f)\n");
    r = lomaw({"run", nested.path(), "__lomaw_mul__d_dfloat"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: unknown function '__lomaw_mul__d_dfloat' (the module defines: f, d_f, dd_f; built in: make__dfloat)\n");
    TempKernel empty("\"\"\"no functions\"\"\"\n");
    r = lomaw({"run", empty.path(), "nope"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err, "lomaw: error: unknown function 'nope' (the module defines no functions; built in: make__dfloat)\n");
}

TEST(ExitCodes, ArgumentsNotMatchingTheSignatureAreTwo) {
    TempKernel k(kMul);
    ProcessResult bad = lomaw({"run", k.path(), "f", "--args", "[2.0, \"x\"]"});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_EQ(bad.err, "lomaw: error: argument 2 (y): expected a number for float, got \"x\"\n");
    EXPECT_EQ(lomaw({"run", k.path(), "f", "--args", "[2.0]"}).exitCode, 2);
    EXPECT_EQ(lomaw({"run", k.path(), "f", "--args", "[2.0, 1"}).exitCode, 2);
}

TEST(ExitCodes, ThreadsRulesAreTwo) {
    TempKernel k(kMul);
    EXPECT_EQ(lomaw({"run", k.path(), "fill", "--args", "[1.0, [0, 0]]"}).exitCode, 2);
    EXPECT_EQ(lomaw({"run", k.path(), "f", "--args", "[1.0, 2.0]", "--threads", "2"}).exitCode, 2);
    ProcessResult ok = lomaw({"run", k.path(), "fill", "--args", "[1.5, [0, 0]]", "--threads", "2"});
    EXPECT_EQ(ok.exitCode, 0) << ok.err;
    EXPECT_EQ(ok.out, "{\"return\": null, \"args\": [1.5, [1.5, 1.5]]}\n");
}

TEST(ExitCodes, IntegerDivisionByZeroIsThree) {
    TempKernel k(kMul);
    ProcessResult r = lomaw({"run", k.path(), "idiv", "--args", "[7, 0]"});
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "lomaw: runtime error: integer division by zero\n");
}

TEST(ExitCodes, MissingCompilerIsFourWithAClearMessage) {
    TempKernel k(kMul);
    ProcessResult r = lomaw({"--cc", "/nonexistent/cc", "--cache-dir", "/tmp/lomaw-no-cache-" + std::to_string(::getpid()),
                             "run", k.path(), "f", "--args", "[1.0, 2.0]"});
    EXPECT_EQ(r.exitCode, 4);
    EXPECT_NE(r.err.find("/nonexistent/cc"), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
}

// The code that ends a diagnostic is one `lomaw explain` knows; an unknown code is a usage error.
TEST(ExitCodes, ExplainSaysWhatTheCodeOfADiagnosticMeans) {
    TempKernel k("def f(x : In[float]) -> float:\n    return x + y\n");
    ProcessResult check = lomaw({"check", k.path()});
    ASSERT_EQ(check.exitCode, 1);
    ASSERT_NE(check.out.find("[undeclared-variable]"), std::string::npos) << check.out;
    ProcessResult r = lomaw({"explain", "[undeclared-variable]"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out.rfind("undeclared-variable", 0), 0u) << r.out;
    EXPECT_NE(r.out.find(" error "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("a variable used before or without its declaration"), std::string::npos) << r.out;
    // Then the formats of its messages: the one `check` reported above fills in the name.
    EXPECT_NE(r.out.find("\n  message: undeclared variable '{0}'\n"), std::string::npos) << r.out;
    EXPECT_NE(check.out.find("undeclared variable 'y'"), std::string::npos) << check.out;

    ProcessResult warning = lomaw({"explain", "in-array-write"});
    EXPECT_NE(warning.out.find(" warning "), std::string::npos) << warning.out;
    ProcessResult unknown = lomaw({"explain", "undeclared-varaible"});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_EQ(unknown.err, "lomaw: error: unknown diagnostic code 'undeclared-varaible' (lomaw explain lists every code)\n");
    // Without a code: one line per code, the first the syntax error.
    ProcessResult all = lomaw({"explain"});
    EXPECT_EQ(all.exitCode, 0);
    EXPECT_EQ(all.out.rfind("syntax-error ", 0), 0u) << all.out;
    EXPECT_GT(std::count(all.out.begin(), all.out.end(), '\n'), 70);
}

}  // namespace
}  // namespace lomaw::test
