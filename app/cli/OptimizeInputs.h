// Checks of `lomaw optimize`'s --init and --data against the loss-gradient function, made before
// anything is built or launched, for what the engine's own validation (engine/dist) lets through:
// an empty --init or an empty data set (an MPI job that optimises nothing, exit 0), a --data list
// count that does not match the data arrays (the engine words it as a call), and an --init shorter
// than a constant index the function reads or writes (p[1], grad[1]): undefined behaviour
// without --check-bounds. An index the function computes cannot be known here; docs/mpi.md and
// the help point to --check-bounds for it.
#pragma once

#include <string>

#include "Engine.h"

namespace lomaw::cli {

// "" when --init and --data fit FUNC, or when the engine reports the problem itself (invalid
// JSON, unknown function, a function that breaks the contract of docs/mpi.md); else the message
// of a usage error, naming the option.
std::string optimizeInputsError(const ast::Module& module, const std::string& function, const std::string& initJson,
                                const std::string& dataJson);

}  // namespace lomaw::cli
