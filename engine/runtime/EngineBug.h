// Thrown inside the runtime layer for conditions only an engine bug can cause (an untyped
// signature, an unknown struct, a layout that disagrees with the C compiler). Runner catches it
// and reports an internal error: it never leaves the layer.
#pragma once

#include <stdexcept>
#include <string>

namespace lomaw::runtime {

struct EngineBug : std::runtime_error {
    explicit EngineBug(const std::string& what) : std::runtime_error(what) {}
};

}  // namespace lomaw::runtime
