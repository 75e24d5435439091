#include "ad/ReverseRestorePlan.h"

#include "syntax/AstWalk.h"
#include "ad/TypedBuild.h"

namespace lomaw::ad {

using ast::BinaryOp;
using ast::Expr;
using ast::Stmt;

namespace {


// i = i + c, c + i, i - c with an int i and c loop-invariant.
std::optional<InverseStep> inverseStep(const Stmt& s, const std::set<std::string>& written) {
    if (s.kind != Stmt::Kind::Assign || !s.target || !s.value || s.target->kind != Expr::Kind::Var) return std::nullopt;
    if (!s.target->type || !s.target->type->isInt()) return std::nullopt;
    const Expr& v = *s.value;
    const std::string& i = s.target->name;
    if (v.kind != Expr::Kind::Binary || (v.op != BinaryOp::Add && v.op != BinaryOp::Sub)) return std::nullopt;
    const Expr* c = nullptr;
    if (ast::isVar(*v.operands[0], i)) c = v.operands[1].get();
    else if (v.op == BinaryOp::Add && ast::isVar(*v.operands[1], i)) c = v.operands[0].get();
    if (!c || ast::mentions(*c, i) || ast::callsAnything(*c)) return std::nullopt;
    for (const std::string& x : ast::variablesOf(*c))
        if (written.count(x)) return std::nullopt;
    return InverseStep{c, v.op == BinaryOp::Add};
}

bool writesIn(const Stmt& s, const std::string& name) {
    bool w = false;
    auto own = [&](const Stmt& t) {
        if (t.kind == Stmt::Kind::Assign && t.target) {
            const Expr* r = chainRoot(*t.target);
            w = w || (r && r->name == name);
        }
        if (t.kind == Stmt::Kind::For && t.name == name) w = true;
        if (t.kind == Stmt::Kind::CallStmt && t.value)
            for (const ast::ExprPtr& a : t.value->operands)  // an Out argument, conservatively
                if (a && isLvalueChain(*a) && chainRoot(*a)->name == name) w = true;
    };
    own(s);
    ast::forEachStmt(s.body, own);
    ast::forEachStmt(s.orelse, own);
    return w;
}

class Planner {
public:
    Planner(const ast::Function& f, RestorePlan& plan, const std::set<std::string>& written,
            const std::set<std::string>& locals, bool recompute)
        : f_(f), plan_(plan), written_(written), locals_(locals), recompute_(recompute) {}

    void block(const ast::Block& b) {
        for (size_t p = 0; p < b.size(); ++p) {
            if (!b[p]) continue;
            const Stmt& s = *b[p];
            if (auto step = inverseStep(s, written_)) plan_.inverse[&s] = *step;
            else if (size_t last = 0; recompute_ && recomputable(b, p, last)) {
                plan_.recomputeBefore[b[last].get()].push_back(&s);
                plan_.recomputed.insert(&s);
                plan_.reads.erase(s.target->name);
                for (const std::string& v : ast::variablesOf(*s.value)) plan_.reads.insert(v);
            }
            block(s.body);
            block(s.orelse);
        }
    }

private:
    // `last`: the index in b of the last statement reading l.
    bool recomputable(const ast::Block& b, size_t p, size_t& last) {
        const Stmt& d = *b[p];
        if (d.kind != Stmt::Kind::Assign || !d.target || !d.value || d.target->kind != Expr::Kind::Var) return false;
        const std::string& l = d.target->name;
        if (!locals_.count(l) || !plan_.reads.count(l) || ast::mentions(*d.value, l) || ast::callsAnything(*d.value))
            return false;
        // Every variable of e holds at the start of B's reverse the value it had at `l = e`.
        std::set<std::string> vars = ast::variablesOf(*d.value);
        for (const std::string& v : vars)
            if (written_.count(v) && !plan_.reads.count(v)) return false;
        last = p;
        for (size_t q = p + 1; q < b.size(); ++q)
            if (b[q] && ast::mentions(*b[q], l)) last = q;
        if (last == p) return false;  // not read in this block
        for (size_t q = p + 1; q <= last; ++q) {
            if (!b[q]) continue;
            for (const std::string& v : vars)
                if (writesIn(*b[q], v)) return false;
            if (writesIn(*b[q], l)) return false;  // a later value of l would be read back
        }
        // Nothing but the statements after it in B reads l (its declaration aside).
        bool before = false;
        for (size_t q = 0; q < p; ++q)
            if (b[q] && ast::mentions(*b[q], l)) before = true;
        if (before) return false;
        int elsewhere = 0;
        ast::forEachStmt(f_.body, [&](const Stmt& t) {
            if (t.kind == Stmt::Kind::Declare && t.name == l) return;
            if (ast::mentionsOwn(t, l)) ++elsewhere;
        });
        int inside = 0;
        for (size_t q = p; q < b.size(); ++q)
            if (b[q]) {
                auto count = [&](const Stmt& t) {
                    if (ast::mentionsOwn(t, l)) ++inside;
                };
                count(*b[q]);
                ast::forEachStmt(b[q]->body, count);
                ast::forEachStmt(b[q]->orelse, count);
            }
        return elsewhere == inside;
    }

    const ast::Function& f_;
    RestorePlan& plan_;
    const std::set<std::string>& written_;
    const std::set<std::string>& locals_;
    bool recompute_;
};

}  // namespace

RestorePlan planRestores(const ast::Function& primal, std::set<std::string> reads, const std::set<std::string>& written,
                         const std::set<std::string>& locals, bool recompute) {
    RestorePlan plan;
    plan.reads = std::move(reads);
    Planner(primal, plan, written, locals, recompute).block(primal.body);
    return plan;
}

}  // namespace lomaw::ad
