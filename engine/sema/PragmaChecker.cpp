#include "sema/PragmaChecker.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

namespace lomaw::sema {

using ast::Expr;
using ast::PragmaClause;
using ast::Stmt;

namespace {

// Variable names the loop uses (reads or writes, array/struct roots included) in first-use
// order, without the loop variables of the loop itself and of nested loops. Each name keeps
// the position of its first use (where omp-default-none is reported).
class UsedVariables {
public:
    struct Use {
        std::string name;
        SourceLoc loc;
    };
    std::vector<Use> uses;

    void block(const ast::Block& b, std::set<std::string>& bound) {
        for (const ast::StmtPtr& s : b)
            if (s) stmt(*s, bound);
    }

private:
    void stmt(const Stmt& s, std::set<std::string>& bound) {
        if (s.kind == Stmt::Kind::Declare && !s.name.empty())
            add(s.name, s.nameLoc.valid() ? s.nameLoc : s.loc, bound);
        if (s.target) expr(*s.target, bound);
        if (s.value) expr(*s.value, bound);
        for (const ast::ExprPtr& a : s.rangeArgs)
            if (a) expr(*a, bound);
        if (s.kind == Stmt::Kind::For) {
            bool added = bound.insert(s.name).second;
            block(s.body, bound);
            if (added) bound.erase(s.name);
        } else {
            block(s.body, bound);
        }
        block(s.orelse, bound);
    }
    void expr(const Expr& e, const std::set<std::string>& bound) {
        if (e.kind == Expr::Kind::Var) add(e.name, e.loc, bound);
        for (const ast::ExprPtr& o : e.operands)
            if (o) expr(*o, bound);
    }
    void add(const std::string& n, SourceLoc loc, const std::set<std::string>& bound) {
        if (n.empty() || bound.count(n)) return;
        auto same = [&](const Use& u) { return u.name == n; };
        if (std::find_if(uses.begin(), uses.end(), same) == uses.end()) uses.push_back({n, loc});
    }
};

bool isPrivateKind(PragmaClause::Kind k) {
    return k == PragmaClause::Kind::Private || k == PragmaClause::Kind::FirstPrivate;
}

}  // namespace

void PragmaChecker::check(const Stmt& s) {
    const ast::Pragma& pragma = *s.pragma;
    if (fn_.simd) {
        ctx_.diags.report(pragma.loc, msg::PragmaInSimd);
        return;
    }
    const PragmaClause* defaultClause = nullptr;
    std::map<std::string, const PragmaClause*> listed;
    for (const PragmaClause& c : pragma.clauses) {
        switch (c.kind) {
            case PragmaClause::Kind::Unknown:
                ctx_.diags.report(c.loc, msg::OmpUnknownClause, c.word);
                continue;
            case PragmaClause::Kind::Default:
                if (defaultClause)
                    ctx_.diags.report(c.loc, msg::OmpDefaultDup);
                else
                    defaultClause = &c;
                continue;
            case PragmaClause::Kind::Reduction:
                if (c.op != "+")
                    ctx_.diags.report(c.loc, msg::OmpReductionOp, c.op);
                break;
            default: break;
        }
        for (const PragmaClause::Item& item : c.vars) {
            if (item.name.empty()) continue;
            auto [pos, inserted] = listed.emplace(item.name, &c);
            if (!inserted) {
                ctx_.diags.report(item.loc, msg::OmpClauseConflict, item.name);
                continue;
            }
            if (item.name == s.name) {
                if (c.kind != PragmaClause::Kind::Private)
                    ctx_.diags.report(item.loc, msg::OmpLoopVar, item.name);
                continue;
            }
            const VarInfo* v = scope_.lookup(item.name);
            if (!v) {
                ctx_.diags.report(item.loc, msg::OmpUnknownVar, item.name, fn_.name);
                continue;
            }
            if (isPrivateKind(c.kind) && (v->isOut || !ctx_.structs.isBounded(v->type)))
                ctx_.diags.report(item.loc, v->isOut ? msg::OmpPrivateOut : msg::OmpPrivateUnbounded, item.name,
                                  c.word);
            if (c.kind == PragmaClause::Kind::Reduction && v->type && !v->type->isScalar())
                ctx_.diags.report(item.loc, msg::OmpReductionType, item.name);
        }
    }
    if (!defaultClause || (defaultClause->op != "none" && defaultClause->op != "private")) return;

    UsedVariables used;
    std::set<std::string> bound{s.name};
    used.block(s.body, bound);
    for (const UsedVariables::Use& use : used.uses) {
        const std::string& n = use.name;
        const VarInfo* v = scope_.lookup(n);
        if (!v) continue;  // undeclared: reported by the body check
        auto it = listed.find(n);
        if (defaultClause->op == "none") {
            if (it == listed.end())
                ctx_.diags.report(use.loc.valid() ? use.loc : defaultClause->loc, msg::OmpDefaultNone, n);
        } else if ((v->isOut || !ctx_.structs.isBounded(v->type)) &&
                   (it == listed.end())) {
            ctx_.diags.report(defaultClause->loc, msg::OmpDefaultPrivate, n);

        }
    }
}

}  // namespace lomaw::sema
