#include "CliSupport.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/stat.h>

namespace lomaw::cli {

std::optional<SourceFile> readSourceFile(const std::string& path) {
    struct stat st {};
    if (stat(path.c_str(), &st) != 0) {
        printUsageError("cannot read " + path + ": " + std::strerror(errno));
        return std::nullopt;
    }
    if (S_ISDIR(st.st_mode)) {
        printUsageError("cannot read " + path + ": is a directory");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        printUsageError("cannot read " + path + ": " + std::strerror(errno));
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return SourceFile{path, text.str()};
}

void printUsageError(const std::string& message) {
    std::cerr << "lomaw: error: " << message << '\n';
}

void printDiagnostics(const std::vector<Diagnostic>& diags, const SourceFile& file, bool toStdout) {
    std::string text = formatDiagnostics(diags, file.path, file.text);
    (toStdout ? std::cout : std::cerr) << text << std::flush;
}

bool hasErrors(const std::vector<Diagnostic>& diags) {
    for (const Diagnostic& d : diags)
        if (d.severity == Severity::Error) return true;
    return false;
}

Engine makeEngine(const CommonOptions& common) {
    EngineOptions options;
    options.compiler = common.compiler;
    options.cacheDir = common.cacheDir;
    return Engine(options);
}

}  // namespace lomaw::cli
