// Reads what the GUI needs out of a checked module: function signatures with default
// arguments (zeros of the right shape, for the run panel) and struct/member names (completion).
#pragma once

#include "Analysis.h"
#include "syntax/Ast.h"

namespace lomaw::gui {

void summariseModule(const ast::Module& module, AnalysisResult& into);

// A JSON value of type `type` with every number zero (struct members looked up in `module`).
QString zeroJson(const Type& type, const ast::Module& module, int depth = 0);

}  // namespace lomaw::gui
