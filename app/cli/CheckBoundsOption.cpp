// --check-bounds: compile every array access with a check (docs/language.md §10.6); an access
// outside the array is the runtime error `index I out of bounds for 'a' (size N) at FILE:L:C`
// (exit 3). One help text for run, mpirun, descend, gradcheck and optimize.
#include "Commands.h"

namespace lomaw::cli {

void addCheckBoundsFlag(CLI::App* sub, bool& checkBounds) {
    sub->add_flag("--check-bounds", checkBounds,
                  "check every array index against the size passed or declared (an access outside: exit 3)");
}

}  // namespace lomaw::cli
