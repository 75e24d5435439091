// Content-addressed cache of built shared libraries.
//
// Directory: option > env LOMAW_CACHE_DIR > $XDG_CACHE_HOME/lomaw > $HOME/.cache/lomaw.
// Key: SHA-256 of the C text + compiler identity (path, mtime, size) + flags; the library is
// <dir>/<key>.so. A build goes to a temporary name in the same directory and is renamed into
// place, so concurrent builders of the same key never see a half-written library. The directory
// and every entry are checked before use (CacheStore.h): private to this user, and the library's
// content equal to the hash stored when it was built; anything else is rebuilt.
#pragma once

#include <string>
#include <vector>

#include "runtime/Toolchain.h"

namespace lomaw::runtime {

// The cache directory to use; "" with `error` set when none can be determined.
std::string resolveCacheDir(const std::string& option, std::string& error);

struct BuildRequest {
    std::string cSource;
    std::string compiler;                 // "" : LOMAW_CC, then `cc`
    std::string cacheDir;                 // "" : see above
    std::vector<std::string> extraFlags;  // appended to the base flags (part of the key)
    double timeoutSeconds = 0;            // > 0: the compiler is stopped after this long (--timeout)
};

// Ok, EnvironmentError (no compiler, cache directory, a compiler killed or out of time) or
// InternalError (the generated C does not compile: an engine bug; its source is kept).
struct BuildResult : Outcome {
    std::string libraryPath;
    bool usedCache = false;
};

BuildResult buildCached(const BuildRequest& request);

}  // namespace lomaw::runtime
