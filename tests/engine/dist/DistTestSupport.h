// Shared helpers of the dist tests: compile a kernel file, run a batch or a sequence of single
// `lomaw run` calls (runtime::runFunction), the job options for this machine.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "ad/Differentiate.h"
#include "codegen/CEmitter.h"
#include "dist/DistJobs.h"
#include "runtime/JsonResult.h"
#include "runtime/Runner.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"

namespace lomaw::dist::test {

inline const char* kCache = "/tmp/lomaw-dist-test-cache";

inline ast::Module compileKernel(const std::string& name) {
    std::ifstream in(std::string(LOMAW_TEST_KERNELS) + "/mpi/" + name);
    std::ostringstream text;
    text << in.rdbuf();
    DiagnosticSink diags;
    ast::Module m = syntax::parse(text.str(), diags);
    EXPECT_TRUE(sema::check(m, diags) && !diags.hasErrors()) << name;
    ad::differentiate(m, diags);
    EXPECT_FALSE(diags.hasErrors()) << name;
    return m;
}

inline JobOptions jobOptions(int workers, LaunchMode mode = LaunchMode::Spawn) {
    JobOptions o;
    o.tools.cacheDir = kCache;
    o.workers = workers;
    o.mode = mode;
    o.timeoutSeconds = 60;
    return o;
}

// What `lomaw run FUNC --args ARGS` prints (without the newline), or "error: ..." .
inline std::string runOnce(const ast::Module& m, const std::string& function, const std::string& args) {
    runtime::RunRequest r;
    r.module = &m;
    r.function = function;
    r.argsJson = args;
    runtime::RunnerOptions o;
    o.cacheDir = kCache;
    runtime::RunOutcome out = runtime::runFunction(r, codegen::emitC(m).text, o);
    return out.kind == OutcomeKind::Ok ? out.output : "error: " + out.message;
}

}  // namespace lomaw::dist::test
