// A fixture for end-to-end runner tests: a typed module built by hand, C text written by hand
// following docs/language.md §7 (standing in for the C backend), a private build cache.
#pragma once

#include <gtest/gtest.h>
#include <iostream>
#include <sstream>

#include "RuntimeTestSupport.h"
#include "runtime/BatchRunner.h"
#include "runtime/Runner.h"

namespace lomaw::runtime::test {

class RunnerTest : public ::testing::Test {
protected:
    RunOutcome run(const std::string& function, const std::string& args,
                   std::optional<int> threads = std::nullopt, double timeout = 0) {
        RunRequest req;
        req.module = &module;
        req.function = function;
        req.argsJson = args;
        req.threads = threads;
        req.timeoutSeconds = timeout;
        RunnerOptions options;
        options.cacheDir = cache.path();
        options.compiler = compiler;
        // Capture what the runner passes through to stderr.
        std::ostringstream captured;
        std::streambuf* old = std::cerr.rdbuf(captured.rdbuf());
        RunOutcome out = runFunction(req, cSource, options);
        std::cerr.rdbuf(old);
        passedThrough = captured.str();
        return out;
    }

    // `lomaw run --batch`: `function` called on every argument list of `batchJson`.
    RunOutcome runBatchOf(const std::string& function, const std::string& batchJson, double timeout = 0) {
        RunRequest req;
        req.module = &module;
        req.function = function;
        req.timeoutSeconds = timeout;
        RunnerOptions options;
        options.cacheDir = cache.path();
        options.compiler = compiler;
        return runBatch(req, batchJson, cSource, options);
    }

    // The output of a successful run, or the failure message as a test failure.
    std::string ok(const std::string& function, const std::string& args,
                   std::optional<int> threads = std::nullopt) {
        RunOutcome r = run(function, args, threads);
        EXPECT_EQ(r.kind, OutcomeKind::Ok) << r.message;
        return r.output;
    }

    void add(ast::Function f) { module.items.emplace_back(std::move(f)); }
    void add(ast::StructDecl s) { module.items.emplace_back(std::move(s)); }

    ast::Module module;
    std::string cSource;
    std::string compiler;  // "" : cc
    std::string passedThrough;
    TempDir cache;
};

}  // namespace lomaw::runtime::test
