// Shared helpers of the omp tests: a kernel source checked by the real front end, and the
// scopes of its parallel loops in a compact form.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "omp/ScopeAnalysis.h"
#include "sema/TypeChecker.h"
#include "syntax/Parser.h"

namespace lomaw::omp::test {

struct Checked {
    ast::Module module;
    DiagnosticSink diags;
    bool ok = false;
};

inline Checked checkSource(const std::string& src) {
    Checked c;
    c.module = syntax::parse(src, c.diags);
    c.ok = sema::check(c.module, c.diags) && !c.diags.hasErrors();
    return c;
}

// The first pragma loop of the module's first function.
inline const ast::Stmt* firstPragmaLoop(const ast::Block& b) {
    for (const ast::StmtPtr& s : b) {
        if (s->kind == ast::Stmt::Kind::For && s->pragma) return s.get();
        if (const ast::Stmt* in = firstPragmaLoop(s->body)) return in;
        if (const ast::Stmt* in = firstPragmaLoop(s->orelse)) return in;
    }
    return nullptr;
}

// "name:primal/adjoint" for every variable, adjoint "-" when there is none.
inline std::string compact(const LoopScopes& loop) {
    std::string out;
    for (const VariableScope& v : loop.variables) {
        if (!out.empty()) out += " ";
        out += v.name + ":" + scopeName(v.primal) + "/" + (v.adjoint ? scopeName(*v.adjoint) : "-");
    }
    return out;
}

inline std::vector<LoopScopes> scopesOf(const std::string& src, const ScopeOptions& options = {}) {
    Checked c = checkSource(src);
    EXPECT_TRUE(c.ok) << formatDiagnostics(c.diags.sorted(), "k.py", src);
    return analyseModule(c.module, options);
}

}  // namespace lomaw::omp::test
