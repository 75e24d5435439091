// --omp-threads N: the thread count of `#pragma omp parallel for` loops (docs/language.md §9.2 leaves
// it to the implementation). It is passed the way every OpenMP runtime reads it, through
// OMP_NUM_THREADS in the environment the kernel's process inherits: the forked call of `run`,
// mpirun and its workers (the launcher forwards the variable to other hosts with -x).
#include <cstdlib>
#include <string>

#include "Commands.h"
#include "OptionChecks.h"

namespace lomaw::cli {

void addOmpThreadsOption(CLI::App* sub) {
    sub->add_option_function<int>(
           "--omp-threads",
           [](const int& n) { ::setenv("OMP_NUM_THREADS", std::to_string(n).c_str(), 1); },
           "threads for #pragma omp parallel for loops (default: $OMP_NUM_THREADS, else one per core)")
        ->check(wholeNumber(1));
}

}  // namespace lomaw::cli
