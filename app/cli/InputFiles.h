// Reading the files lomaw is given (kernel sources, --batch, --init-file, --data) within limits
// (docs/cli.md, "Limits"): only regular files (a FIFO, /dev/zero or a directory is refused at
// once), read in bounded chunks up to a size limit, so no input can exhaust memory or block.
#pragma once

#include <cstddef>
#include <string>

namespace lomaw::cli {

inline constexpr size_t kMaxSourceBytes = size_t{4} << 20;  // a kernel source: 4 MiB
inline constexpr size_t kMaxDataBytes = size_t{1} << 30;    // a JSON input file: 1 GiB

// Reads the regular file `path` into `out`, at most `limit` bytes; "" or the message for
// `lomaw: error:`, "cannot read PATH: REASON", e.g. "cannot read /dev/zero: not a regular file",
// "cannot read big.py: larger than 4 MiB, the limit for a kernel source" (`what`: "a kernel
// source").
std::string readLimitedFile(const std::string& path, size_t limit, const std::string& what, std::string& out);

}  // namespace lomaw::cli
