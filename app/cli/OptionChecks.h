// Checks of numeric options that CLI11's own validators get wrong for lomaw: NonNegativeNumber
// lets `nan` through (nan < 0 is false), PositiveNumber's message prints a 300-digit range, and
// an integer option given 1e3 or 99999999999999999999 says only "Could not convert". Every
// numeric option of every command goes through one of these, so each range error reads
// `lomaw: error: --OPTION: expected ..., got TEXT` (exit 2). The limits are listed in
// docs/cli.md, "Limits".
#pragma once

#include <climits>

#include <CLI/CLI.hpp>

namespace lomaw::cli {

inline constexpr int kMaxWorkers = 4096;  // --workers: MPI processes on the machines of one run

// --timeout S: a finite number of seconds >= 0 (0: no limit); nan, inf and negative numbers are refused.
CLI::Validator timeoutSeconds();

// --workers N: a whole number from 1 to kMaxWorkers.
CLI::Validator workerCount();

// A whole number written in decimal digits from `min` to `max` (--steps, --threads,
// --omp-threads): "expected a whole number >= 0, got -1", or "from 1 to 4096" when `max` is not
// INT_MAX; a number above INT_MAX names the full range).
CLI::Validator wholeNumber(long long min, long long max = INT_MAX);

// What a real-valued option accepts; nan and inf never.
enum class RealRange {
    NonNegative,  // --tol, --tolerance, --rtol, --atol: >= 0
    Positive,     // --lr, --eps, --step, --fd-step: > 0
    Decay,        // --momentum, --beta1, --beta2: >= 0 and < 1
};
CLI::Validator realNumber(RealRange range);

}  // namespace lomaw::cli
