// Facade section: a kernel compiled once and every view generated from that one result.
//
// The app shows, after each edit, the diagnostics, the derivatives, the C, the OpenMP C, the
// MPI programs, the scope table and the tape badges of one kernel. Each of those used to parse,
// check and differentiate the kernel again; now the facade's calls and the app all go through
// compileKernel (parse → check → differentiate, once) and read the result:
//
//   CompiledKernel k = compileKernel(file);          // the only front-end run
//   if (k.ok) {
//       generateView(k, Stage::C);                    // each stage from the same tree
//       k.parallelLoops();                            // scopes, computed on first use
//       k.tapes;                                      // what each reverse derivative records
//   }
#pragma once

#include <optional>
#include <vector>

#include "Engine.h"
#include "ad/TapeReport.h"
#include "omp/ScopeAnalysis.h"

namespace lomaw {

struct CompiledKernel {
    SourceFile file;
    bool ok = false;                      // no error diagnostics
    ast::Module module;                   // checked and differentiated when ok
    std::vector<Diagnostic> diagnostics;  // sorted by position
    omp::ScopeOptions adjointScopes;      // the scopes its adjoint loops were generated with
    // What every reverse derivative records per loop (ad/TapeReport.h). Collected only when no
    // adjoint scope is forced (ad::differentiate reports tapes for the analysis' own scopes).
    ad::TapeReport tapes;

    // The parallel loops of the written functions with their scope decisions (under
    // adjointScopes), pointing into `module`; computed on the first call. Not thread-safe: one
    // CompiledKernel belongs to one thread at a time.
    const std::vector<omp::ParallelLoop>& parallelLoops() const;

private:
    mutable std::optional<std::vector<omp::ParallelLoop>> loops_;
};

// Parses, checks and differentiates `file` once (with `adjointScopes` forced in the adjoint
// loops, docs/omp.md "Forcing a scope"). Never throws: an engine bug is an `internal` diagnostic.
CompiledKernel compileKernel(const SourceFile& file, const omp::ScopeOptions& adjointScopes = {});

// One stage's text from a compiled kernel, without compiling again (Stage::Ast excepted: the
// checked tree is no longer the tree as written, so that stage parses the text again). The
// OpenMP stage puts each parallel loop's scope decisions above its directive, placed by the loop's
// tree node (codegen::CEmitOptions::loopComments). Not ok, with no new diagnostic, when the kernel
// has errors. Never throws.
EmitOutput generateView(const CompiledKernel& kernel, Stage stage, const EmitOptions& emitOptions = {});

// The module and diagnostics of a compiled kernel as Engine::check returns them.
CompileOutput compileOutput(CompiledKernel kernel);

// How many times the facade has run the loma front end (syntax::parse) in this process: tests
// assert that one analysis of the app compiles the kernel once.
unsigned long long frontEndRuns();

}  // namespace lomaw
