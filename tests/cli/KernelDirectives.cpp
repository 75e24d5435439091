#include "KernelDirectives.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <tuple>

namespace lomaw::test {

bool ExpectedDiagnostic::operator<(const ExpectedDiagnostic& o) const {
    return std::tie(line, col, severity, code) < std::tie(o.line, o.col, o.severity, o.code);
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> kernelFiles(const std::string& dir, bool recursive) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    if (!fs::exists(dir)) return out;
    auto take = [&](const fs::directory_entry& e) {
        if (e.is_regular_file() && e.path().extension() == ".py") out.push_back(e.path().string());
    };
    if (recursive)
        for (const auto& e : fs::recursive_directory_iterator(dir)) take(e);
    else
        for (const auto& e : fs::directory_iterator(dir)) take(e);
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

std::string trim(std::string s) {
    size_t b = s.find_first_not_of(" \t\r");
    size_t e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

}  // namespace

std::vector<RunCase> parseRunCases(const std::string& text) {
    std::vector<RunCase> cases;
    std::istringstream in(text);
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        std::string t = trim(line);
        auto directive = [&](const char* name) -> std::optional<std::string> {
            std::string prefix = std::string("# ") + name + ":";
            if (t.rfind(prefix, 0) != 0) return std::nullopt;
            return trim(t.substr(prefix.size()));
        };
        if (auto run = directive("RUN")) {
            RunCase c;
            c.line = lineNo;
            std::string rest = *run;
            size_t sp = rest.find(' ');
            c.function = rest.substr(0, sp);
            rest = sp == std::string::npos ? "" : trim(rest.substr(sp));
            for (bool option = true; option;) {  // options before the JSON, in any order
                option = false;
                if (rest.rfind("--threads", 0) == 0) {
                    rest = trim(rest.substr(9));
                    size_t end = rest.find(' ');
                    c.threads = std::stoi(rest.substr(0, end));
                    rest = end == std::string::npos ? "" : trim(rest.substr(end));
                    option = true;
                } else if (rest.rfind("--check-bounds", 0) == 0) {
                    rest = trim(rest.substr(14));
                    c.checkBounds = option = true;
                }
            }
            c.argsJson = rest;
            cases.push_back(c);
        } else if (auto expect = directive("EXPECT"); expect && !cases.empty()) {
            cases.back().expectJson = *expect;
        } else if (auto exitc = directive("EXIT"); exitc && !cases.empty()) {
            cases.back().exitCode = std::stoi(*exitc);
        } else if (auto err = directive("STDERR"); err && !cases.empty()) {
            cases.back().stderrContains.push_back(*err);
        }
    }
    return cases;
}

std::vector<ExpectedDiagnostic> parseExpectedDiagnostics(const std::string& text) {
    static const std::regex re(R"(#\s*(ERROR|WARNING):\s*(\d+):(\d+)\s+([a-z0-9-]+))");
    std::vector<ExpectedDiagnostic> out;
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) {
        ExpectedDiagnostic d;
        d.severity = (*it)[1] == "ERROR" ? "error" : "warning";
        d.line = std::stoi((*it)[2]);
        d.col = std::stoi((*it)[3]);
        d.code = (*it)[4];
        out.push_back(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<ExpectedDiagnostic> parsePrintedDiagnostics(const std::string& output) {
    static const std::regex re(R"(^[^\n]*?:(\d+):(\d+): (error|warning): [^\n]*\[([a-z0-9-]+)\]$)",
                               std::regex::multiline);
    std::vector<ExpectedDiagnostic> out;
    for (std::sregex_iterator it(output.begin(), output.end(), re), end; it != end; ++it) {
        ExpectedDiagnostic d;
        d.line = std::stoi((*it)[1]);
        d.col = std::stoi((*it)[2]);
        d.severity = (*it)[3];
        d.code = (*it)[4];
        out.push_back(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace lomaw::test
