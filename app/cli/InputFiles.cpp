#include "InputFiles.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lomaw::cli {

namespace {

std::string sizeText(size_t bytes) {
    if (bytes >= (size_t{1} << 30) && bytes % (size_t{1} << 30) == 0) return std::to_string(bytes >> 30) + " GiB";
    if (bytes >= (size_t{1} << 20) && bytes % (size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string readLimitedFile(const std::string& path, size_t limit, const std::string& what, std::string& out) {
    const std::string cannot = "cannot read " + path + ": ";
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below like any
    // non-regular file. (For a regular file the flag changes nothing.)
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return cannot + std::strerror(errno);
    struct stat st {};
    if (fstat(fd, &st) != 0) {
        std::string e = cannot + std::strerror(errno);
        close(fd);
        return e;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return cannot + (S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
    }
    const std::string tooLarge = cannot + "larger than " + sizeText(limit) + ", the limit for " + what;
    if (st.st_size > 0 && static_cast<unsigned long long>(st.st_size) > limit) {
        close(fd);
        return tooLarge;
    }
    out.clear();
    out.reserve(static_cast<size_t>(std::max<off_t>(st.st_size, 0)));
    // Chunks, and never more than limit + 1 bytes: the size in fstat can be wrong (/proc files
    // say 0) or the file can grow while it is read.
    char chunk[1 << 16];
    for (;;) {
        size_t want = std::min(sizeof chunk, limit + 1 - out.size());
        ssize_t n = read(fd, chunk, want);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            std::string e = cannot + std::strerror(errno);
            close(fd);
            return e;
        }
        if (n == 0) break;
        out.append(chunk, static_cast<size_t>(n));
        if (out.size() > limit) {
            close(fd);
            out.clear();
            return tooLarge;
        }
    }
    close(fd);
    return "";
}

}  // namespace lomaw::cli
