// Which members of a struct Out parameter a user function writes (AdContext::writtenMembers).
#include "ad/AdContext.h"
#include "ad/TypedBuild.h"
#include "sema/Builtins.h"

#include <functional>

namespace lomaw::ad {

const std::set<std::string>* AdContext::writtenMembers(const std::string& name, size_t index) {
    auto key = std::make_pair(name, index);
    if (auto it = writtenMembers_.find(key); it != writtenMembers_.end()) return it->second.get();
    writtenMembers_[key] = nullptr;  // recursion, and everything we cannot see: the whole struct
    auto fnIt = userFns_.find(name);
    if (fnIt == userFns_.end() || job(name)) return nullptr;
    const ast::Function& fn = *fnIt->second;
    if (index >= fn.params.size() || !fn.params[index].isOut || !fn.params[index].resolved ||
        !fn.params[index].resolved->isStruct())
        return nullptr;
    const std::string& p = fn.params[index].name;
    auto members = std::make_unique<std::set<std::string>>();
    bool whole = false;
    // A location rooted at p: its first member (p.m...), or whole when it is p itself.
    auto writeTo = [&](const ast::Expr& lvalue) {
        const ast::Expr* e = &lvalue;
        const ast::Expr* first = nullptr;
        while ((e->kind == ast::Expr::Kind::Member || e->kind == ast::Expr::Kind::Index) && !e->operands.empty()) {
            if (e->kind == ast::Expr::Kind::Member) first = e;
            e = e->operands[0].get();
        }
        if (e->kind != ast::Expr::Kind::Var || e->name != p) return;
        // first is the outermost Member seen last: the one applied directly to p.
        if (!first || first->operands[0].get() != e) whole = true;
        else members->insert(first->name);
    };
    std::function<bool(const ast::Expr&)> mentions = [&](const ast::Expr& e) {
        if (e.kind == ast::Expr::Kind::Var && e.name == p) return true;
        for (const ExprPtr& o : e.operands)
            if (o && mentions(*o)) return true;
        return false;
    };
    // A user call in an expression that is handed p may write it through an Out parameter.
    std::function<void(const ast::Expr&)> callsIn = [&](const ast::Expr& e) {
        if (e.kind == ast::Expr::Kind::Call && !sema::findBuiltin(e.name))
            for (const ExprPtr& o : e.operands)
                if (o && mentions(*o)) whole = true;
        for (const ExprPtr& o : e.operands)
            if (o) callsIn(*o);
    };
    std::function<void(const ast::Block&)> scan = [&](const ast::Block& b) {
        for (const StmtPtr& s : b) {
            if (!s || whole) continue;
            if (s->kind == ast::Stmt::Kind::Assign && s->target) writeTo(*s->target);
            if (s->kind == ast::Stmt::Kind::CallStmt && s->value) {
                const ast::Expr& c = *s->value;
                const ast::Function* sig = c.name == "atomic_add" ? nullptr : signature(c.name);
                for (size_t i = 0; i < c.operands.size(); ++i) {
                    const ast::Expr& a = *c.operands[i];
                    if (!mentions(a)) continue;
                    if (c.name == "atomic_add" && i == 0) {
                        writeTo(a);
                        continue;
                    }
                    bool out = sig && i < sig->params.size() && sig->params[i].isOut;
                    if (!out) {
                        callsIn(a);
                        continue;
                    }
                    if (!isLvalueChain(a)) {
                        whole = true;
                        continue;
                    }
                    if (a.kind == ast::Expr::Kind::Var) {
                        // p passed on whole: what the callee writes of it.
                        const std::set<std::string>* inner = writtenMembers(c.name, i);
                        if (!inner) whole = true;
                        else members->insert(inner->begin(), inner->end());
                    } else {
                        writeTo(a);
                    }
                }
            } else if (s->value) {
                callsIn(*s->value);
            }
            if (s->target) callsIn(*s->target);
            for (const ExprPtr& a : s->rangeArgs)
                if (a) callsIn(*a);
            scan(s->body);
            scan(s->orelse);
        }
    };
    scan(fn.body);
    if (whole) return nullptr;
    writtenMembers_[key] = std::move(members);
    return writtenMembers_[key].get();
}

}  // namespace lomaw::ad

namespace lomaw::ad {

AdContext::DefiniteWrites AdContext::definitelyWritten(const std::string& name, size_t index) {
    auto key = std::make_pair(name, index);
    if (auto it = definite_.find(key); it != definite_.end()) return it->second ? *it->second : DefiniteWrites{};
    definite_[key] = nullptr;  // recursion: nothing is known to be written
    auto done = [&](DefiniteWrites w) {
        definite_[key] = std::make_unique<DefiniteWrites>(w);
        return w;
    };
    if (DerivativeJob* j = job(name)) {
        // A forward derivative writes its Out parameters exactly where its primal does (§6.2).
        if (j->mode == Mode::Forward) return done(definitelyWritten(j->primal, index));
        return done({});
    }
    auto fnIt = userFns_.find(name);
    if (fnIt == userFns_.end()) return done({});
    const ast::Function& fn = *fnIt->second;
    if (index >= fn.params.size() || !fn.params[index].isOut || !fn.params[index].resolved ||
        fn.params[index].resolved->isArray())
        return done({});
    const std::string& p = fn.params[index].name;
    auto isP = [&](const ast::Expr& e) { return e.kind == ast::Expr::Kind::Var && e.name == p; };
    // `return` is only the last outermost statement (§8.1 return-not-last), so every path
    // reaches the end of the body: what is written on entry to the end is the answer.
    std::function<void(const ast::Block&, DefiniteWrites&)> walk = [&](const ast::Block& b, DefiniteWrites& cur) {
        for (const StmtPtr& s : b) {
            if (!s) continue;
            switch (s->kind) {
                case ast::Stmt::Kind::Assign:
                    if (!s->target) break;
                    if (isP(*s->target)) cur.whole = true;
                    else if (s->target->kind == ast::Expr::Kind::Member && isP(*s->target->operands[0]))
                        cur.members.insert(s->target->name);
                    break;
                case ast::Stmt::Kind::CallStmt: {
                    if (!s->value || s->value->name == "atomic_add") break;
                    const ast::Expr& c = *s->value;
                    const ast::Function* sig = signature(c.name);
                    if (!sig || sig->params.size() != c.operands.size()) break;
                    for (size_t i = 0; i < c.operands.size(); ++i) {
                        if (!sig->params[i].isOut) continue;
                        const ast::Expr& a = *c.operands[i];
                        if (isP(a)) {
                            DefiniteWrites inner = definitelyWritten(c.name, i);
                            cur.whole = cur.whole || inner.whole;
                            cur.members.insert(inner.members.begin(), inner.members.end());
                        } else if (a.kind == ast::Expr::Kind::Member && isP(*a.operands[0]) &&
                                   definitelyWritten(c.name, i).whole) {
                            cur.members.insert(a.name);
                        }
                    }
                    break;
                }
                case ast::Stmt::Kind::If: {
                    DefiniteWrites body = cur, orelse = cur;
                    walk(s->body, body);
                    walk(s->orelse, orelse);
                    // Written on both paths.
                    DefiniteWrites both;
                    both.whole = body.whole && orelse.whole;
                    auto in = [](const DefiniteWrites& w, const std::string& m) { return w.whole || w.members.count(m) > 0; };
                    for (const DefiniteWrites* w : {&body, &orelse})
                        for (const std::string& m : w->members)
                            if (in(body, m) && in(orelse, m)) both.members.insert(m);
                    if (body.whole) both.members.insert(orelse.members.begin(), orelse.members.end());
                    if (orelse.whole) both.members.insert(body.members.begin(), body.members.end());
                    cur = std::move(both);
                    break;
                }
                default: break;  // loops may run zero times; declarations and returns write nothing of p
            }
        }
    };
    DefiniteWrites w;
    walk(fn.body, w);
    return done(w);
}

}  // namespace lomaw::ad
