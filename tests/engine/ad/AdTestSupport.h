// Helpers for the AD unit tests: parse + check + differentiate a kernel, then look at the
// generated functions or the printed `diff` stage.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "ad/Differentiate.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"
#include "syntax/PrettyPrinter.h"

namespace lomaw::ad::test {

struct Differentiated {
    ast::Module module;
    DiagnosticSink diags;
    bool ok = false;

    const ast::Function* fn(const std::string& name) const { return module.findFunction(name); }
    std::string text() const { return syntax::printModule(module, syntax::PrintMode::Checked).text; }
    std::string diagnostics() const {
        std::string s;
        for (const Diagnostic& d : diags.sorted())
            s += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.code + " " + d.message + "\n";
        return s;
    }
};

inline Differentiated differentiateSource(const std::string& src) {
    Differentiated r;
    r.module = syntax::parse(src, r.diags);
    if (r.diags.hasErrors()) return r;
    if (!sema::check(r.module, r.diags)) return r;
    r.ok = differentiate(r.module, r.diags);
    return r;
}

// The printed text of one function of the differentiated module.
inline std::string functionText(const Differentiated& d, const std::string& name) {
    std::string all = d.text();
    size_t at = all.find("def " + name + "(");
    if (at == std::string::npos) return "";
    size_t start = all.rfind("\n\n", at);
    start = start == std::string::npos ? 0 : start + 2;
    size_t end = all.find("\n\n", at);
    std::string text = all.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
}

}  // namespace lomaw::ad::test
