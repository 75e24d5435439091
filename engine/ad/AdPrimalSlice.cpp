// Copies of user functions without some of their Out array parameters
// (AdContext::withoutOutArrays), for the forward sweep of reverse derivatives.
//
// `h(x, y, t)` with y an Out array parameter of the function being differentiated and t a
// local the reverse sweep needs: the forward sweep must run h for t, but y does not exist in
// the reverse derivative and its run-time size is unknown, so no stand-in buffer can be
// made. When h never reads y, nothing h computes depends on what it writes there: the copy
// `_d_sweep_h(x, t)` drops the parameter and every write into it (assignments, and calls
// passing it on, which call such copies of their callees in turn; a single element passed to
// a callee's Out parameter goes to a sink local).
#include "ad/AdContext.h"
#include "ad/TypedBuild.h"
#include "sema/Builtins.h"

#include <algorithm>
#include <functional>

namespace lomaw::ad {

namespace {

bool hasUserCall(const ast::Expr& e) {
    if (e.kind == ast::Expr::Kind::Call && !sema::findBuiltin(e.name)) return true;
    for (const ExprPtr& o : e.operands)
        if (o && hasUserCall(*o)) return true;
    return false;
}

}  // namespace

std::string AdContext::withoutOutArrays(const std::string& name, const std::vector<size_t>& dropped) {
    auto key = std::make_pair(name, dropped);
    if (auto it = sliceNames_.find(key); it != sliceNames_.end()) return it->second;
    auto fnIt = userFns_.find(name);
    if (fnIt == userFns_.end() || job(name)) return "";
    const ast::Function& fn = *fnIt->second;
    std::set<std::string> gone;
    for (size_t i : dropped) {
        if (i >= fn.params.size() || !fn.params[i].isOut || !fn.params[i].resolved ||
            !fn.params[i].resolved->isUnboundedArray() || readsOutParam(name, i))
            return "";
        gone.insert(fn.params[i].name);
    }
    // A fresh name; registered before the body is transformed, so recursion finds it.
    std::string base = "_d_sweep_" + name;
    std::string n = base;
    for (int k = 2; userFns_.count(n) || jobs_.count(n); ++k) n = base + "_" + std::to_string(k);
    sliceNames_[key] = n;
    auto slice = std::make_unique<ast::Function>(ast::clone(fn));
    slice->name = n;
    slice->generated = true;
    std::vector<ast::Param> all = std::move(slice->params);
    slice->params.clear();
    for (ast::Param& p : all)
        if (!gone.count(p.name)) slice->params.push_back(std::move(p));
    ast::Function* raw = addGeneratedFunction(std::move(slice));

    bool ok = true;
    ast::Block sinks;
    int sinkCount = 0;
    auto rootGone = [&](const ast::Expr& e) {
        const ast::Expr* r = chainRoot(e);
        return r && gone.count(r->name) > 0;
    };
    std::function<bool(const ast::Expr&)> mentions = [&](const ast::Expr& e) {
        if (e.kind == ast::Expr::Kind::Var && gone.count(e.name)) return true;
        for (const ExprPtr& o : e.operands)
            if (o && mentions(*o)) return true;
        return false;
    };
    std::function<void(ast::Block&)> rewrite = [&](ast::Block& b) {
        ast::Block kept;
        for (StmtPtr& s : b) {
            if (!s || !ok) continue;
            if (s->kind == ast::Stmt::Kind::Assign && s->target && rootGone(*s->target)) {
                if ((s->value && hasUserCall(*s->value)) || hasUserCall(*s->target)) ok = false;
                continue;  // a write nobody reads
            }
            if (s->kind == ast::Stmt::Kind::CallStmt && s->value && s->value->name != "atomic_add") {
                ast::Expr& c = *s->value;
                const ast::Function* sig = signature(c.name);
                std::vector<size_t> inner;
                for (size_t i = 0; i < c.operands.size() && ok; ++i) {
                    ast::Expr& a = *c.operands[i];
                    if (!mentions(a)) continue;
                    bool out = sig && i < sig->params.size() && sig->params[i].isOut;
                    if (!out || !isLvalueChain(a) || !rootGone(a) || hasUserCall(a)) {
                        ok = false;  // read (as an In argument or an index)
                    } else if (a.kind == ast::Expr::Kind::Var) {
                        inner.push_back(i);  // passed on whole
                    } else {
                        // one element (or member) written by the callee: into a sink local
                        std::string sink = "_unused_" + std::to_string(++sinkCount);
                        while (std::any_of(raw->params.begin(), raw->params.end(),
                                           [&](const ast::Param& p) { return p.name == sink; }))
                            sink += "_";
                        sinks.push_back(sDeclare(sink, a.type, nullptr, s->loc));
                        c.operands[i] = tVar(sink, a.type, a.loc);
                    }
                }
                if (!inner.empty() && ok) {
                    std::string callee = withoutOutArrays(c.name, inner);
                    if (callee.empty()) ok = false;
                    else {
                        std::vector<ExprPtr> args;
                        for (size_t i = 0; i < c.operands.size(); ++i)
                            if (std::find(inner.begin(), inner.end(), i) == inner.end()) args.push_back(std::move(c.operands[i]));
                        c.operands = std::move(args);
                        c.name = callee;
                    }
                }
                kept.push_back(std::move(s));
                continue;
            }
            for (const ExprPtr* e : {&s->target, &s->value})
                if (*e && mentions(**e)) ok = false;
            for (const ExprPtr& a : s->rangeArgs)
                if (a && mentions(*a)) ok = false;
            rewrite(s->body);
            rewrite(s->orelse);
            kept.push_back(std::move(s));
        }
        b = std::move(kept);
    };
    rewrite(raw->body);
    if (!ok) {
        sliceNames_[key] = "";
        userFns_.erase(n);
        slices_.erase(std::find_if(slices_.begin(), slices_.end(), [&](const auto& f) { return f.get() == raw; }));
        return "";
    }
    for (auto it = sinks.rbegin(); it != sinks.rend(); ++it) raw->body.insert(raw->body.begin(), std::move(*it));
    // The language has no `pass`: a body left empty declares a sink.
    if (raw->body.empty()) raw->body.push_back(sDeclare("_nothing", Type::intType(), nullptr, raw->loc));
    return n;
}

}  // namespace lomaw::ad
