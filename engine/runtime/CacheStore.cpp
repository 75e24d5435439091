#include "runtime/CacheStore.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <iostream>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime/Sha256.h"

namespace lomaw::runtime {

namespace {

std::string errnoText() { return std::strerror(errno); }

// "" when `st` (of `path`) belongs to this user and no one else can write it, else why not.
std::string ownershipProblem(const struct stat& st) {
    if (st.st_uid != geteuid())
        return "owned by another user (uid " + std::to_string(st.st_uid) + ")";
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        return std::string("writable by other users (mode ") + mode + ")";
    }
    return "";
}

std::string hashPath(const std::string& path) { return path + ".sha256"; }

// SHA-256 of the file's content, read in bounded chunks; "" when it cannot be read.
std::string hashFile(const std::string& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return "";
    Sha256 h;
    char buf[1 << 16];
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n > 0) {
            h.update(std::string_view(buf, static_cast<size_t>(n)));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            close(fd);
            return n == 0 ? h.hexDigest() : "";
        }
    }
}

std::string readSmallFile(const std::string& path, size_t limit) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) return "";
    std::string text(limit, '\0');
    ssize_t n;
    while ((n = read(fd, text.data(), limit)) < 0 && errno == EINTR) {
    }
    close(fd);
    text.resize(n > 0 ? static_cast<size_t>(n) : 0);
    return text;
}

}  // namespace

std::string uniqueTempSuffix() {
    static std::atomic<unsigned> counter{0};
    return std::to_string(getpid()) + "-" + std::to_string(counter.fetch_add(1));
}

std::string preparePrivateDirectory(const std::string& dir) {
    const std::string cannot = "cannot use the build cache directory " + dir + ": ";
    for (size_t pos = 1; pos <= dir.size(); ++pos) {
        if (pos != dir.size() && dir[pos] != '/') continue;
        std::string prefix = dir.substr(0, pos);
        if (mkdir(prefix.c_str(), 0700) == 0) {
            // mkdir applies the umask: set exactly 0700 on what lomaw creates.
            if (chmod(prefix.c_str(), 0700) != 0) return cannot + errnoText();
        } else if (errno != EEXIST) {
            return cannot + errnoText();
        }
    }
    struct stat st {};
    if (stat(dir.c_str(), &st) != 0) return cannot + errnoText();
    if (!S_ISDIR(st.st_mode)) return cannot + "not a directory";
    if (std::string problem = ownershipProblem(st); !problem.empty())
        return cannot + problem + ": lomaw loads and runs the files it finds there, so it must be private to you "
                                  "(choose another with --cache-dir or LOMAW_CACHE_DIR, or make it yours with chmod 700)";
    return "";
}

std::string writePrivateFile(const std::string& path, const std::string& text) {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return "cannot write " + path + ": " + errnoText();
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::string e = "cannot write " + path + ": " + errnoText();
            close(fd);
            std::remove(path.c_str());
            return e;
        }
        done += static_cast<size_t>(n);
    }
    // O_CREAT applies the umask, which may only take bits away from 0600; no chmod needed.
    if (close(fd) != 0) {
        std::string e = "cannot write " + path + ": " + errnoText();
        std::remove(path.c_str());
        return e;
    }
    return "";
}

bool isOwnPrivateFile(const std::string& path) {
    struct stat st {};
    return lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ownershipProblem(st).empty();
}

CacheEntry checkEntry(const std::string& path) {
    CacheEntry out;
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) return out;  // Missing
    out.state = CacheEntry::State::Corrupt;
    if (!S_ISREG(st.st_mode)) {
        out.why = "not a regular file";
        return out;
    }
    if (std::string problem = ownershipProblem(st); !problem.empty()) {
        out.why = problem;
        return out;
    }
    if (!isOwnPrivateFile(hashPath(path))) {
        out.why = "no content hash of its own beside it";
        return out;
    }
    std::string stored = readSmallFile(hashPath(path), 65);
    if (!stored.empty() && stored.back() == '\n') stored.pop_back();
    if (stored.size() != 64 || hashFile(path) != stored) {
        out.why = "its content does not match its hash";
        return out;
    }
    out.state = CacheEntry::State::Valid;
    return out;
}

std::string storeEntry(const std::string& tempPath, const std::string& path, mode_t mode) {
    auto failWith = [&tempPath](std::string message) {
        std::remove(tempPath.c_str());
        return message;
    };
    // The compiler created the file with 0777 or 0666 minus the umask: set the mode explicitly.
    if (chmod(tempPath.c_str(), mode) != 0) return failWith("cannot store " + path + ": " + errnoText());
    std::string digest = hashFile(tempPath);
    if (digest.empty()) return failWith("cannot read " + tempPath + ": " + errnoText());
    // The hash goes in place first: a reader that sees the new file also sees its hash. One that
    // sees the new hash beside an older file finds them different and rebuilds (harmless).
    std::string tempHash = hashPath(path) + ".tmp-" + uniqueTempSuffix();
    if (std::string e = writePrivateFile(tempHash, digest + "\n"); !e.empty()) return failWith(e);
    if (std::rename(tempHash.c_str(), hashPath(path).c_str()) != 0) {
        std::remove(tempHash.c_str());
        return failWith("cannot store " + hashPath(path) + ": " + errnoText());
    }
    if (std::rename(tempPath.c_str(), path.c_str()) != 0) return failWith("cannot store " + path + ": " + errnoText());
    return "";
}

void noteRebuiltEntry(const std::string& path, const std::string& why) {
    std::cerr << "lomaw: note: rebuilt a corrupt cache entry " + path + " (" + why + ")\n" << std::flush;
}

}  // namespace lomaw::runtime
