// The facade the CLI and the GUI share: compile, emit, run, with diagnostics not exceptions.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "Engine.h"

namespace lomaw {
namespace {

const char* kSquare =
    "def sq(x : In[float]) -> float:\n"
    "    return x * x\n";

std::string testCacheDir() {
    auto dir = std::filesystem::temp_directory_path() / ("lomaw_facade_cache_" + std::to_string(::getpid()));
    return dir.string();
}

TEST(EngineFacade, CheckReturnsATypedModule) {
    CompileOutput out = Engine().check({"sq.py", kSquare});
    ASSERT_TRUE(out.ok);
    EXPECT_TRUE(out.diagnostics.empty());
    const ast::Function* f = out.module.findFunction("sq");
    ASSERT_NE(f, nullptr);
    ASSERT_TRUE(f->returnType);
    EXPECT_TRUE(f->returnType->isFloat());
}

TEST(EngineFacade, DiagnosticsComeBackSortedByPosition) {
    // Two independent errors, the later one in the first function reported first by nobody in
    // particular: the facade must hand them back in source order.
    CompileOutput out = Engine().check(
        {"bad.py",
         "def f(x : In[float]) -> float:\n"
         "    return a\n"
         "\n"
         "def g(x : In[float]) -> float:\n"
         "    return b\n"});
    EXPECT_FALSE(out.ok);
    ASSERT_EQ(out.diagnostics.size(), 2u);
    EXPECT_EQ(out.diagnostics[0].loc.line, 2);
    EXPECT_EQ(out.diagnostics[1].loc.line, 5);
    EXPECT_EQ(out.diagnostics[0].code, "undeclared-variable");
}

TEST(EngineFacade, EmitAstReprintsTheModule) {
    EmitOutput out = Engine().generate({"sq.py", kSquare}, Stage::Ast);
    ASSERT_TRUE(out.ok);
    EXPECT_EQ(out.code.text, kSquare);
    EXPECT_EQ(out.code.sourceLines.size(), 2u);
}

TEST(EngineFacade, EmitCMapsTheReturnStatementToItsKernelLine) {
    EmitOutput out = Engine().generate({"sq.py", kSquare}, Stage::C);
    ASSERT_TRUE(out.ok);
    // Find the C line that computes x * x and check the map sends it to kernel line 2.
    size_t line = 0, start = 0;
    bool found = false;
    while (start < out.code.text.size()) {
        size_t end = out.code.text.find('\n', start);
        std::string text = out.code.text.substr(start, end - start);
        if (text.find("return") != std::string::npos && text.find("x * x") != std::string::npos) {
            found = true;
            break;
        }
        ++line;
        start = end + 1;
    }
    ASSERT_TRUE(found) << out.code.text;
    ASSERT_LT(line, out.code.sourceLines.size());
    EXPECT_EQ(out.code.sourceLines[line], 2);
}

TEST(EngineFacade, RunCallsTheFunctionInAChildProcess) {
    EngineOptions options;
    options.cacheDir = testCacheDir();
    Engine engine(options);
    RunOptions run;
    run.function = "sq";
    run.argsJson = "[1.5]";
    RunOutput out = engine.run({"sq.py", kSquare}, run);
    ASSERT_EQ(out.kind, RunOutput::Status::Ok) << out.message;
    EXPECT_EQ(out.output, "{\"return\": 2.25, \"args\": [1.5]}");
    // Unchanged module: the second run takes the library from the cache.
    RunOutput again = engine.run({"sq.py", kSquare}, run);
    ASSERT_EQ(again.kind, RunOutput::Status::Ok) << again.message;
    EXPECT_TRUE(again.usedCache);
    std::filesystem::remove_all(options.cacheDir);
}

TEST(EngineFacade, RunReportsCompileErrorsAsDiagnostics) {
    RunOptions run;
    run.function = "f";
    RunOutput out = Engine().run({"bad.py", "def f() -> float:\n    return q\n"}, run);
    EXPECT_EQ(out.kind, RunOutput::Status::CompileError);
    ASSERT_FALSE(out.diagnostics.empty());
    EXPECT_EQ(out.diagnostics[0].code, "undeclared-variable");
}

}  // namespace
}  // namespace lomaw
