// A synthetic kernel module of a given size, exercising every kind of statement, for
// front-end throughput measurements.
#pragma once

#include <string>

namespace lomaw::bench {

// About `lines` lines: a struct, then functions of ~40 lines each that call one another.
std::string generatedModule(int lines);

}  // namespace lomaw::bench
