// The C backend: one readable C translation unit per typed module with loma's ABI
// (docs/language.md §7): indentation, one statement per line, a comment naming the kernel line.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "syntax/Ast.h"
#include "syntax/SourceMap.h"

namespace lomaw::codegen {

struct CEmitOptions {
    std::string sourceName = "kernel.py";  // named in the header comment
    // --check-bounds (docs/language.md §10.6): every array index goes through a checker
    // (CBoundsChecks.h). Off: the unit is byte-identical to one emitted without this option.
    bool checkBounds = false;
    // Comment lines placed above the OpenMP directive of these parallel loops (For statements
    // of `m` with a pragma), attributed to the loop's line: `emit --stage omp` puts each loop's
    // scope decisions there, found through the tree rather than in the text. Each line must
    // be a complete C comment line.
    std::map<const ast::Stmt*, std::vector<std::string>> loopComments;
};

// `m` must be typed (sema::check returned true).
EmittedText emitC(const ast::Module& m, const CEmitOptions& options = {});

}  // namespace lomaw::codegen
