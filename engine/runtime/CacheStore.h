// The trust rules of the build cache, shared by the shared libraries of `lomaw run` (BuildCache)
// and the MPI programs (dist/MpiToolchain). lomaw loads and executes what it finds there, so what
// it finds must be exactly what this user built:
//
//   * the directory is created 0700 and must be owned by the current user and writable by no
//     one else: otherwise another user could plant a library whose constructor runs as us;
//   * every file is created private (0600, executables 0700) whatever the umask;
//   * a built file is stored with its SHA-256 beside it (FILE.sha256, put in place before the
//     file itself) and checked before every use: a truncated, modified or foreign entry is
//     rebuilt, and one note on stderr says so.
#pragma once

#include <string>
#include <sys/types.h>

namespace lomaw::runtime {

// Creates `dir` (and its missing parents, 0700), or checks an existing one; "" or the message.
std::string preparePrivateDirectory(const std::string& dir);

// Creates the new file `path` with mode 0600 (O_EXCL: never writes through an existing file or
// link) holding `text`; "" or the message.
std::string writePrivateFile(const std::string& path, const std::string& text);

// True when `path` is a regular file (not a link) owned by this user and writable by no one else.
bool isOwnPrivateFile(const std::string& path);

struct CacheEntry {
    enum class State { Missing, Valid, Corrupt };
    State state = State::Missing;
    std::string why;  // Corrupt: what is wrong, for the note
};

// Whether `path` is an entry this user stored with storeEntry and that still has its content.
CacheEntry checkEntry(const std::string& path);

// Makes the freshly built `tempPath` the entry `path`: mode set to `mode` (0600 or 0700), its hash
// stored beside `path`, then renamed into place (atomically: concurrent readers see the old entry
// or the new one). "" or the message; `tempPath` is removed on failure.
std::string storeEntry(const std::string& tempPath, const std::string& path, mode_t mode);

// A file name part no other thread or process uses at the same moment (pid and a counter), for
// temporary files in the cache directory.
std::string uniqueTempSuffix();

// Prints "lomaw: note: rebuilt a corrupt cache entry PATH (WHY)" on stderr.
void noteRebuiltEntry(const std::string& path, const std::string& why);

}  // namespace lomaw::runtime
