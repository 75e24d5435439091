// Helpers for the type checker tests: parse + check a kernel, and list its diagnostics as
// "LINE:COL: severity [code]" so a test states positions and codes exactly.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sema/TypeChecker.h"
#include "syntax/Parser.h"

namespace lomaw::sema::test {

inline std::string brief(const Diagnostic& d) {
    return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + ": " +
           severityName(d.severity) + " [" + d.code + "]";
}

struct Checked {
    ast::Module module;
    DiagnosticSink diags;
    bool ok = false;
    bool parsedCleanly = false;

    // Every diagnostic (sorted by position) in brief form.
    std::vector<std::string> all() const {
        std::vector<std::string> out;
        for (const Diagnostic& d : diags.sorted()) out.push_back(brief(d));
        return out;
    }
    // The notes attached to the diagnostics, in brief form ("LINE:COL: note").
    std::vector<std::string> notes() const {
        std::vector<std::string> out;
        for (const Diagnostic& d : diags.sorted())
            for (const Diagnostic& n : d.notes)
                out.push_back(std::to_string(n.loc.line) + ":" + std::to_string(n.loc.col) + ": note");
        return out;
    }
    const ast::Function& fn(const std::string& name) const {
        const ast::Function* f = module.findFunction(name);
        if (!f) throw std::runtime_error("no function " + name);
        return *f;
    }
};

// Parses and checks; `requireCleanParse` fails the test when the parser already reported an
// error (the checker is then not what is being tested).
inline Checked check(const std::string& src, bool requireCleanParse = true) {
    Checked c;
    c.module = syntax::parse(src, c.diags);
    c.parsedCleanly = !c.diags.hasErrors();
    if (requireCleanParse) {
        EXPECT_TRUE(c.parsedCleanly) << "parse errors:\n" << formatDiagnostics(c.diags.sorted(), "t.py", src);
    }
    c.ok = sema::check(c.module, c.diags);
    return c;
}

using Lines = std::vector<std::string>;

}  // namespace lomaw::sema::test
