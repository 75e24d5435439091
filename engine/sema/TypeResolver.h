// TypeExpr (as written) -> Type (resolved): struct names, Array sizes, Diff[T] -> D(T),
// qualifier rules (docs/language.md §1.5, §1.6, §2.2, §2.4, §2.6). Reports unknown-type, bad-type
// and qualifier-ignored; a broken annotation resolves to the error type.
#pragma once

#include "sema/StructTable.h"
#include "syntax/Ast.h"
#include "syntax/Diagnostics.h"

namespace lomaw::sema {

enum class TypeContext {
    Param,   // the outermost In[...]/Out[...] is the qualifier
    Local,   // a qualifier is ignored with a warning
    Member,  // as Local, and Diff[...] is bad-type
    Return,  // as Local
};

struct ResolvedAnnotation {
    TypePtr type;
    bool qualified = false;  // Param: an In/Out wrapper was present
    bool isOut = false;
};

class TypeResolver {
public:
    TypeResolver(StructTable& structs, DiagnosticSink& diags) : structs_(structs), diags_(diags) {}

    ResolvedAnnotation resolve(const ast::TypeExpr* t, TypeContext ctx);

private:
    TypePtr resolveInner(const ast::TypeExpr* t, TypeContext ctx);

    StructTable& structs_;
    DiagnosticSink& diags_;
};

}  // namespace lomaw::sema
