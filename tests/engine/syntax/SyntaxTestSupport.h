// Helpers shared by the syntax-layer tests: parse a snippet and render its diagnostics as
// compact "LINE:COL severity code" strings that tests compare exactly.
#pragma once

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"
#include "syntax/Parser.h"

namespace lomaw::syntax::test {

struct Parsed {
    ast::Module module;
    DiagnosticSink diags;
};

inline Parsed parseText(const std::string& src) {
    Parsed p;
    p.module = parse(src, p.diags);
    return p;
}

// "3:5 error syntax-error", sorted by position.
inline std::vector<std::string> diagCodes(const DiagnosticSink& d) {
    std::vector<std::string> out;
    for (const Diagnostic& x : d.sorted())
        out.push_back(std::to_string(x.loc.line) + ":" + std::to_string(x.loc.col) + " " +
                      severityName(x.severity) + " " + x.code);
    return out;
}

inline std::vector<std::string> codesOf(const std::string& src) { return diagCodes(parseText(src).diags); }

inline std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline const ast::Function& fn(const ast::Module& m, size_t i) { return std::get<ast::Function>(m.items.at(i)); }

}  // namespace lomaw::syntax::test
