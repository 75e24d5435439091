#include "sema/RevRestrictionChecker.h"

#include "sema/Builtins.h"

namespace lomaw::sema {

using ast::Expr;
using ast::Stmt;

void RevRestrictionChecker::run() { block(fn_.body); }

const ast::Param* RevRestrictionChecker::param(const std::string& name) const {
    for (const ast::Param& p : fn_.params)
        if (p.name == name) return &p;
    return nullptr;
}

void RevRestrictionChecker::report(const Expr& at, const Message& message) {
    ctx_.diags.report(at.loc, message);
    ctx_.diags.note(decl_.loc, msg::ReverseBecauseOf, fn_.name, decl_.name);
}

void RevRestrictionChecker::block(const ast::Block& b) {
    for (const ast::StmtPtr& s : b) {
        if (!s) continue;
        switch (s->kind) {
            case Stmt::Kind::Assign:
                read(s->value.get());
                write(s->target.get(), false);
                break;
            case Stmt::Kind::CallStmt: read(s->value.get()); break;
            default:
                read(s->value.get());
                for (const ast::ExprPtr& a : s->rangeArgs) read(a.get());
                break;
        }
        block(s->body);
        block(s->orelse);
    }
}

void RevRestrictionChecker::read(const Expr* e) {
    if (!e) return;
    if (e->kind == Expr::Kind::Var) {
        if (const ast::Param* p = param(e->name); p && p->isOut)
            report(*e, {msg::RevReadsOut, fn_.name, e->name});
        return;
    }
    if (e->kind == Expr::Kind::Call) {
        call(*e);
        return;
    }
    for (const ast::ExprPtr& o : e->operands) read(o.get());
}

void RevRestrictionChecker::write(const Expr* e, bool wholeArray) {
    if (!e) return;
    // Index expressions inside the target are reads; the root is written, not read.
    const Expr* cur = e;
    while (cur && (cur->kind == Expr::Kind::Index || cur->kind == Expr::Kind::Member)) {
        if (cur->kind == Expr::Kind::Index && cur->operands.size() > 1) read(cur->operands[1].get());
        cur = cur->operands.empty() ? nullptr : cur->operands[0].get();
    }
    if (!cur || cur->kind != Expr::Kind::Var) {
        read(e);
        return;
    }
    const ast::Param* p = param(cur->name);
    if (p && !p->isOut && p->resolved && p->resolved->isArray() && (cur != e || wholeArray))
        report(*e, {msg::RevWritesInArray, fn_.name, cur->name});

}

void RevRestrictionChecker::call(const Expr& e) {
    const BuiltinInfo* b = findBuiltin(e.name);
    if (b && b->kind == BuiltinKind::AtomicAdd) {
        if (!e.operands.empty()) write(e.operands[0].get(), false);
        for (size_t i = 1; i < e.operands.size(); ++i) read(e.operands[i].get());
        return;
    }
    const Callable* c = b ? nullptr : ctx_.sigs.find(e.name);
    if (b && b->kind == BuiltinKind::MakeDfloat) c = ctx_.sigs.find(e.name);
    for (size_t i = 0; i < e.operands.size(); ++i) {
        const Expr* a = e.operands[i].get();
        bool out = c && c->fn && i < c->fn->params.size() && c->fn->params[i].isOut;
        if (out) write(a, a && a->type && a->type->isArray());
        else read(a);
    }
}

}  // namespace lomaw::sema
