// Helpers for the C backend tests: type a kernel with the real front end, emit C, compile it
// with the system C compiler together with a test main, run it and capture what it prints.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "codegen/CEmitter.h"
#include "syntax/Ast.h"

namespace lomaw::codegen::test {

// Parses and type-checks `source`; reports every diagnostic as a test failure.
ast::Module typedModule(const std::string& source);

// emitC(typedModule(source)).text
std::string emitKernel(const std::string& source);

// emitC of typedModule(source) with its fwd_diff / rev_diff declarations differentiated.
std::string emitDifferentiated(const std::string& source);

struct RunResult {
    bool compiled = false;
    std::string compilerOutput;  // cc diagnostics (warnings included)
    int exitCode = -1;
    std::string out;  // the program's stdout
    std::string err;  // the program's stderr
};

struct BuildOptions {
    bool openmp = true;     // -fopenmp
    int threads = 4;        // OMP_NUM_THREADS for the run
    std::string extraFlags; // e.g. "-Werror"
};

// Writes unit.c and main.c to a fresh temporary directory, compiles both with
// `cc -std=c11 -O1 -Wall -ffp-contract=off -fwrapv [-fopenmp]` and runs the program.
RunResult buildAndRun(const std::string& unitC, const std::string& mainC,
                      const BuildOptions& options = {});

// Emits `kernel`, then buildAndRun; fails the test when the unit does not compile.
RunResult runKernel(const std::string& kernel, const std::string& mainC,
                    const BuildOptions& options = {});

}  // namespace lomaw::codegen::test
