#include "sema/IncompleteItems.h"

namespace lomaw::sema {

bool isUnreadable(const ast::TypeExpr* t) {
    return t && t->kind == ast::TypeExpr::Kind::Named && t->name.empty();
}

bool hasDamagedHeader(const ast::Function& f) {
    if (!f.incomplete) return false;
    for (const ast::Param& p : f.params)
        if (p.name.empty() || isUnreadable(p.annotation.get())) return true;
    return false;
}

}  // namespace lomaw::sema
