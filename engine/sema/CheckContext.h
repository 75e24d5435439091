// State shared by the checker's passes over one module.
#pragma once

#include <set>

#include "sema/Signatures.h"
#include "sema/StructTable.h"
#include "sema/TypeResolver.h"
#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::sema {

struct CheckContext {
    CheckContext(ast::Module& m, DiagnosticSink& d) : module(m), diags(d), resolver(structs, d) {}

    ast::Module& module;
    DiagnosticSink& diags;
    StructTable structs;
    Signatures sigs;
    TypeResolver resolver;
    // Top-level items that repeat an earlier name (duplicate-definition) or use a reserved
    // one: still checked, but never what a name refers to.
    std::set<const void*> notReferable;

    bool referable(const void* item) const { return notReferable.count(item) == 0; }

    // Signatures whose parameter list is not known for sure (a damaged header, or a derivative
    // of such a function): calls to them check their arguments' own errors only.
    std::set<const ast::Function*> lenientCalls;
    bool lenient(const ast::Function* f) const { return lenientCalls.count(f) > 0; }
};

}  // namespace lomaw::sema
