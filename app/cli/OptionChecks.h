// Checks of numeric options that CLI11's own validators get wrong for lomaw: NonNegativeNumber
// lets `nan` through (nan < 0 is false) and PositiveNumber's message prints a 300-digit range.
// The limits are listed in docs/cli.md, "Limits".
#pragma once

#include <CLI/CLI.hpp>

namespace lomaw::cli {

inline constexpr int kMaxWorkers = 4096;  // --workers: MPI processes on the machines of one run

// --timeout S: a finite number of seconds >= 0 (0: no limit); nan, inf and negative numbers are refused.
CLI::Validator timeoutSeconds();

// --workers N: a whole number from 1 to kMaxWorkers.
CLI::Validator workerCount();

}  // namespace lomaw::cli
