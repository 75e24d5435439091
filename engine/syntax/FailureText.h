// What an exception caught at a layer's boundary tells the user. Running out of memory is the
// machine's limit (a huge input, a ulimit), not a bug in lomaworks: it is said as such instead
// of "internal error: std::bad_alloc".
#pragma once

#include <exception>
#include <new>
#include <string>
#include <string_view>

namespace lomaw {

inline std::string failureText(const std::exception& e, std::string_view bugPrefix) {
    if (dynamic_cast<const std::bad_alloc*>(&e)) return "out of memory";
    return std::string(bugPrefix) + e.what();
}

}  // namespace lomaw
