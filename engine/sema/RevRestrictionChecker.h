// The rev_diff restrictions of docs/language.md §6.6 on one (typed) user function that is
// differentiated in reverse mode: no read of an Out parameter; no write of an element of an
// In array parameter (assignment, Out argument, atomic_add target). Reported at the offending
// expression with a note at the derivative declaration.
#pragma once

#include "sema/CheckContext.h"

namespace lomaw::sema {

class RevRestrictionChecker {
public:
    RevRestrictionChecker(CheckContext& ctx, const ast::Function& fn, const ast::DiffDecl& decl)
        : ctx_(ctx), fn_(fn), decl_(decl) {}
    void run();

private:
    const ast::Param* param(const std::string& name) const;
    void block(const ast::Block& b);
    void read(const ast::Expr* e);
    void write(const ast::Expr* e, bool wholeArray);
    void call(const ast::Expr& e);
    void report(const ast::Expr& at, const Message& message);


    CheckContext& ctx_;
    const ast::Function& fn_;
    const ast::DiffDecl& decl_;
};

}  // namespace lomaw::sema
